// The maps: the operations centre's map (#map, its data in #map-data) and a project's own (#project-map, where a click
// picks the point). With no tile server configured the map still works: points on a plain background, a scale, and the
// units' names at their seats. Popups are built as elements, never from HTML strings.
(function () {
  var VIETNAM = [[8.2, 102.1], [23.4, 109.5]];
  var COLOURS = { projects: '#1e5fa8', incidents: '#c0392b' };
  var LATE = ['behind', 'stalled', 'in_progress_overdue', 'unassigned'];

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, attributes[k]); });
    return node;
  }

  function popup(p) {
    var box = element('div', null, { 'class': 'map-popup' });
    var title = element('strong');
    title.appendChild(element('a', p.name, { href: p.link }));
    box.appendChild(title);
    box.appendChild(element('div', (p.layer === 'projects' ? 'Dự án' : 'Vụ việc') + ' · ' + p.kind));
    box.appendChild(element('div', p.statusText));
    box.appendChild(element('div', p.locality + (p.approximate ? ' (tạm đặt tại trụ sở đơn vị)' : '')));
    return box;
  }

  function base(container, tiles, attribution) {
    // A zoom range of its own: with no tile layer nothing else sets one, and clustering needs it.
    var map = L.map(container, { zoomControl: true, attributionControl: !!tiles, minZoom: 3, maxZoom: 18 });
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: attribution || '' }).addTo(map);
    } else {
      container.classList.add('offline');
    }
    L.control.scale({ imperial: false }).addTo(map);
    return map;
  }

  function operationsMap(container) {
    var source = document.getElementById('map-data');
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var map = base(container, data.tileUrl, data.tileAttribution);
    var bounds = [];
    (data.units || []).forEach(function (u) {
      L.circleMarker([u.latitude, u.longitude], { radius: 3, color: '#666', weight: 1, fillOpacity: 0.6 })
        .bindTooltip(u.name, { permanent: true, direction: 'right', className: 'unit-label' }).addTo(map);
      bounds.push([u.latitude, u.longitude]);
    });
    (data.sites || []).forEach(function (s) {
      L.polygon(s.ring, { color: COLOURS.projects, weight: 2, fillOpacity: 0.1 }).bindTooltip(s.name).addTo(map);
    });
    var layers = {};
    data.features.forEach(function (f) {
      var p = f.properties;
      var at = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
      // A marker with a class-styled icon (no inline style): what the cluster plugin groups, and a name for screen readers.
      var marker = L.marker(at, {
        title: p.name, alt: p.name,
        icon: L.divIcon({
          className: 'pin pin-' + p.layer + (LATE.indexOf(p.status) >= 0 ? ' pin-late' : '') + (p.approximate ? ' pin-approximate' : ''),
          iconSize: [16, 16]
        })
      }).bindPopup(popup(p));
      if (!layers[p.layer]) {
        layers[p.layer] = L.markerClusterGroup ? L.markerClusterGroup({ disableClusteringAtZoom: 15, showCoverageOnHover: false }) : L.layerGroup();
      }
      layers[p.layer].addLayer(marker);
      bounds.push(at);
    });
    var named = {};
    Object.keys(layers).forEach(function (k) {
      layers[k].addTo(map);
      named[k === 'projects' ? 'Dự án' : 'Vụ việc'] = layers[k];
    });
    if (Object.keys(named).length > 1) { L.control.layers(null, named, { collapsed: false }).addTo(map); }
    if (bounds.length > 0) {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14 });
    } else {
      map.fitBounds(VIETNAM);
    }
    container.dataset.points = String(data.features.length);
  }

  function projectMap(container) {
    var map = base(container, container.dataset.tiles, null);
    var lat = parseFloat(container.dataset.lat);
    var lng = parseFloat(container.dataset.lng);
    var marker = null;
    if (container.dataset.site) {
      var ring = JSON.parse(container.dataset.site);
      map.fitBounds(L.polygon(ring, { color: COLOURS.projects, weight: 2, fillOpacity: 0.1 }).addTo(map).getBounds());
    }
    if (!isNaN(lat) && !isNaN(lng)) {
      marker = L.circleMarker([lat, lng], { radius: 8, color: COLOURS.projects, fillOpacity: 0.8 }).addTo(map);
      if (!container.dataset.site) { map.setView([lat, lng], 14); }
    } else if (!container.dataset.site) {
      map.fitBounds(VIETNAM);
    }
    var form = container.dataset.pick ? document.getElementById(container.dataset.pick) : null;
    if (!form) { return; }
    map.on('click', function (e) {
      form.elements.latitude.value = e.latlng.lat.toFixed(6);
      form.elements.longitude.value = e.latlng.lng.toFixed(6);
      if (marker) { marker.setLatLng(e.latlng); } else { marker = L.circleMarker(e.latlng, { radius: 8, color: COLOURS.projects, fillOpacity: 0.8 }).addTo(map); }
    });
  }

  function init() {
    if (typeof L === 'undefined') { return; }
    var main = document.getElementById('map');
    if (main) { operationsMap(main); }
    var project = document.getElementById('project-map');
    if (project) { projectMap(project); }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
