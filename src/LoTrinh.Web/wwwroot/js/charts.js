// Charts for people who would rather look than read; the same figures are in the page as numbers. Each
// <div data-chart="name"> is drawn from <script type="application/json" id="chart-name">. Colours: the
// Okabe–Ito palette, told apart by colour-blind readers; every bar also carries its label and number.
(function () {
  var colours = {
    completed_on_time: '#009E73',
    completed_late: '#E69F00',
    in_progress_within_deadline: '#0072B2',
    in_progress_overdue: '#D55E00',
    recurring: '#999999',
    no_deadline: '#CC79A7'
  };

  function draw(element) {
    var source = document.getElementById('chart-' + element.getAttribute('data-chart'));
    if (!source || typeof echarts === 'undefined') {
      return;
    }
    var rows = JSON.parse(source.textContent);
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.label; }), axisLabel: { width: 150, overflow: 'break' } },
      series: [{
        type: 'bar',
        data: rows.map(function (r) { return { value: r.count, itemStyle: { color: colours[r.code] || '#555' } }; }),
        label: { show: true, position: 'right' }
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
    window.addEventListener('beforeprint', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-chart]').forEach(draw);
  });
})();
