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

  // An indicator over time: the values reported, each target as a dashed level, the path that reaches them.
  function indicator(data) {
    return {
      animation: false,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', scale: true, name: data.measure },
      series: [
        {
          name: 'Số liệu', type: 'line', symbolSize: 8, color: '#0072B2',
          data: data.values.map(function (v) { return [v.on, v.value]; }),
          label: { show: true, position: 'top' },
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#D55E00' },
            label: { position: 'insideEndTop', formatter: function (p) { return p.name; } },
            data: data.targets.map(function (t) { return { name: t.label, yAxis: t.value }; })
          }
        },
        {
          name: 'Lộ trình cần đạt', type: 'line', symbol: 'none', color: '#009E73', lineStyle: { type: 'dotted' },
          data: data.trajectory.map(function (v) { return [v.on, v.value]; })
        }
      ]
    };
  }

  function draw(element) {
    var source = document.getElementById('chart-' + element.getAttribute('data-chart'));
    if (!source || typeof echarts === 'undefined') {
      return;
    }
    var rows = JSON.parse(source.textContent);
    var chart = echarts.init(element, null, { renderer: 'svg' });
    if (element.getAttribute('data-chart') === 'indicator') {
      chart.setOption(indicator(rows));
      window.addEventListener('resize', function () { chart.resize(); });
      return;
    }
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
