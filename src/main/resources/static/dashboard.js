// Draws the dashboard's charts from /dashboard/data. Each chart's numbers are also in the table beneath it.
// Hidden small counts arrive as null and are drawn as gaps: a chart never shows what its table hides.
(function () {
  'use strict';
  var palette = ['#0b5cad', '#1b7f3b', '#b42318', '#8a5a00', '#6941c6', '#0e7490', '#9f1239'];
  var outcomeColors = { 'Connected': '#1b7f3b', 'Busy': '#8a5a00', 'No answer': '#6941c6', 'Failed': '#b42318' };

  function canvasFor(id) {
    return document.querySelector('canvas[data-chart="' + id + '"]');
  }

  function draw(chart) {
    var canvas = canvasFor(chart.id);
    if (!canvas) { return; }
    if (chart.kind === 'heatmap') { heatmap(canvas, chart); return; }
    var stacked = chart.kind === 'stacked';
    new Chart(canvas, {
      type: chart.kind === 'line' ? 'line' : 'bar',
      data: {
        labels: chart.labels,
        datasets: chart.series.map(function (series, i) {
          var color = outcomeColors[series.name] || palette[i % palette.length];
          return { label: series.name, data: series.values, backgroundColor: color, borderColor: color,
                   spanGaps: false, pointRadius: chart.labels.length > 60 ? 0 : 2 };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: stacked ? 'y' : 'x',
        plugins: { legend: { display: chart.series.length > 1 } },
        scales: {
          x: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } },
          y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
  }

  // Days down, hours across; darker is busier. Hidden small counts are hatched grey.
  function heatmap(canvas, chart) {
    var box = canvas.parentElement;
    var width = box.clientWidth || 800;
    var rows = chart.labels.length;
    var columns = chart.series.length;
    var left = 90, top = 20, cell = Math.max(12, Math.floor((width - left - 10) / columns));
    canvas.width = left + cell * columns + 10;
    canvas.height = top + cell * rows + 10;
    var ctx = canvas.getContext('2d');
    var max = 1;
    chart.series.forEach(function (s) { s.values.forEach(function (v) { if (v !== null && v > max) { max = v; } }); });
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = '#52606d';
    chart.series.forEach(function (s, c) { if (c % 3 === 0) { ctx.fillText(s.name, left + c * cell + 2, top - 6); } });
    chart.labels.forEach(function (label, r) {
      ctx.fillStyle = '#52606d';
      ctx.fillText(label, 4, top + r * cell + cell * 0.7);
      chart.series.forEach(function (s, c) {
        var v = s.values[r];
        var x = left + c * cell, y = top + r * cell;
        if (v === null) {
          ctx.fillStyle = '#d9e2ec';
          ctx.fillRect(x, y, cell - 1, cell - 1);
          ctx.strokeStyle = '#9aa5b1';
          ctx.beginPath(); ctx.moveTo(x, y + cell - 1); ctx.lineTo(x + cell - 1, y); ctx.stroke();
        } else {
          var strength = v / max;
          ctx.fillStyle = 'rgba(11, 92, 173, ' + (0.06 + 0.94 * strength).toFixed(3) + ')';
          ctx.fillRect(x, y, cell - 1, cell - 1);
        }
      });
    });
  }

  var charts = document.getElementById('charts');
  if (!charts) { return; }
  fetch(charts.getAttribute('data-url'), { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) { throw new Error('the chart data could not be loaded (' + response.status + ')'); }
      return response.json();
    })
    .then(function (data) { data.charts.forEach(draw); document.body.setAttribute('data-charts-drawn', 'true'); })
    .catch(function (error) {
      var note = document.createElement('p');
      note.className = 'error';
      note.textContent = 'The charts could not be drawn: ' + error.message + '. The tables below have every number.';
      charts.insertBefore(note, charts.firstChild);
    });
})();
