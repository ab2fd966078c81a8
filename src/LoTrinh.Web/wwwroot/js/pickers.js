// Pickers that search: a <select data-search="/api/…/options"> holds only what is chosen (and the page's
// suggestions); typing asks the server for the first matches, since a country has thousands of agencies
// and directives nobody scrolls through. Without script the select still submits what it holds.
(function () {
  function enhance(select) {
    if (select.tomselect || typeof TomSelect === 'undefined') {
      return;
    }
    var url = select.getAttribute('data-search');
    var multiple = select.multiple;
    new TomSelect(select, {
      valueField: 'id',
      labelField: 'label',
      searchField: ['label'],
      // The server has matched and ordered them (name, short name, unit): keep them all, in its order.
      score: function () { return function () { return 1; }; },
      preload: 'focus',
      loadThrottle: 250,
      maxOptions: 50,
      shouldLoad: function () { return true; },
      plugins: multiple ? ['remove_button'] : [],
      allowEmptyOption: true,
      load: function (query, callback) {
        fetch(url + (url.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(query), {
          headers: { Accept: 'application/json' },
          credentials: 'same-origin'
        })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (rows) { callback(rows); })
          .catch(function () { callback(); });
      },
      render: {
        no_results: function () { return '<div class="no-results">Không tìm thấy — gõ tên khác</div>'; },
        loading: function () { return '<div class="spinner" aria-label="Đang tìm"></div>'; }
      }
    });
  }

  // A free-text name (<input list=… data-search=…>): its datalist is filled with the matches as one types;
  // the name is what is submitted, and the server resolves it as it always has.
  function suggest(input) {
    var list = document.getElementById(input.getAttribute('list'));
    var url = input.getAttribute('data-search');
    var timer = null;
    if (!list || input.dataset.suggesting) {
      return;
    }
    input.dataset.suggesting = 'true';
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch(url + '?q=' + encodeURIComponent(input.value), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (rows) {
            list.replaceChildren.apply(list, rows.map(function (row) {
              var option = document.createElement('option');
              option.value = row.name;
              option.label = row.label;
              return option;
            }));
          })
          .catch(function () { });
      }, 250);
    });
  }

  function enhanceAll(root) {
    var scope = root.querySelectorAll ? root : document;
    scope.querySelectorAll('select[data-search]').forEach(enhance);
    scope.querySelectorAll('input[data-search][list]').forEach(suggest);
  }

  document.addEventListener('DOMContentLoaded', function () { enhanceAll(document); });
  document.addEventListener('htmx:load', function (event) { enhanceAll(event.target); });
})();
