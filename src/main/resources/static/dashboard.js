// Draws the dashboard's charts from /dashboard/data. Each chart's numbers are also in the table beneath it.
// Hidden small counts arrive as null and are drawn as gaps: a chart never shows what its table hides.
(function () {
  'use strict';
  var palette = ['#0b5cad', '#1b7f3b', '#b42318', '#8a5a00', '#6941c6', '#0e7490', '#9f1239'];
  var outcomeColors = { 'Connected': '#1b7f3b', 'Busy': '#8a5a00', 'No answer': '#6941c6', 'Failed': '#b42318' };
  var narrow = window.matchMedia('(max-width: 40rem)').matches;

  function canvasFor(id) {
    return document.querySelector('canvas[data-chart="' + id + '"]');
  }

  // Long names (the lines' names are sentences, as callers hear them) are drawn on several lines, never cut off.
  function wrapped(label, width) {
    var words = String(label).split(' ');
    var lines = [];
    var line = '';
    words.forEach(function (word) {
      if (line && (line + ' ' + word).length > width) { lines.push(line); line = word; } else { line = line ? line + ' ' + word : word; }
    });
    if (line) { lines.push(line); }
    return lines;
  }

  function draw(chart) {
    var canvas = canvasFor(chart.id);
    if (!canvas) { return; }
    if (chart.kind === 'heatmap') { heatmap(canvas, chart); return; }
    if (chart.kind === 'histogram') { histogram(canvas, chart); return; }
    var stacked = chart.kind === 'stacked';
    var labels = chart.labels;
    if (stacked) {
      labels = chart.labels.map(function (label) { return wrapped(label, narrow ? 18 : 34); });
      // Chart.js gives every row the same height, so each must fit the label with the most lines.
      var tallest = labels.reduce(function (n, l) { return Math.max(n, l.length); }, 1);
      canvas.parentElement.style.height = Math.max(12, chart.labels.length * (tallest * 1.15 + 0.9) + 4) + 'rem';
    }
    new Chart(canvas, {
      type: chart.kind === 'line' ? 'line' : 'bar',
      data: {
        labels: labels,
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
          y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0, autoSkip: !stacked } }
        }
      }
    });
  }

  // Call lengths come in steps of different widths (10 s, 30 s, 1 min, 5 min, 10 min): each is drawn as wide as the
  // time it covers, at the height of its calls per minute of length, so that its area is its number of calls.
  function histogram(canvas, chart) {
    var counts = chart.series[0].values;
    var points = [];
    var last = 1;
    chart.spans.forEach(function (span, i) {
      if (!span) { return; }
      var from = span[0] / 60, to = span[1] / 60, count = counts[i];
      var height = count === null ? null : count / (to - from);
      points.push({ x: from, y: height, count: count, label: chart.labels[i] });
      points.push({ x: to, y: height, count: count, label: chart.labels[i] });
      if (count) { last = to; }
    });
    new Chart(canvas, {
      type: 'line',
      data: { datasets: [{ label: 'Calls per minute of length', data: points, borderColor: palette[0],
        backgroundColor: 'rgba(11, 92, 173, 0.35)', fill: 'origin', pointRadius: 0, spanGaps: false, borderWidth: 1.5 }] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: {
            title: function (items) { return items.length ? items[0].raw.label : ''; },
            label: function (item) {
              return item.raw.count === null ? 'fewer than ' + document.getElementById('charts').getAttribute('data-threshold') + ' calls'
                : item.raw.count + ' calls';
            }
          } }
        },
        scales: {
          x: { type: 'linear', min: 0, max: Math.ceil(last), title: { display: true, text: 'Length of the call (minutes)' },
               ticks: { precision: 0 } },
          y: { beginAtZero: true, title: { display: !narrow, text: 'Calls per minute of length' } }
        }
      }
    });
  }

  // Days down, hours across; darker is busier (the scale is drawn above it). Hidden small counts are hatched grey.
  // It fits the width it is given, down to a phone's: names shorten to three letters and hours are marked every six.
  function heatmap(canvas, chart) {
    var box = canvas.parentElement;
    var width = box.clientWidth || 800;
    var rows = chart.labels.length;
    var columns = chart.series.length;
    var ctx = canvas.getContext('2d');
    ctx.font = '12px system-ui, sans-serif';
    var shortNames = width < 560;
    var names = chart.labels.map(function (label) { return shortNames ? label.slice(0, 3) : label; });
    var left = 8 + Math.max.apply(null, names.map(function (n) { return ctx.measureText(n).width; }));
    var top = 20;
    var cell = Math.max(8, Math.floor((width - left - 4) / columns));
    var high = Math.max(cell, 16); // rows no shorter than a line of text, however narrow the columns
    canvas.width = Math.min(width, left + cell * columns + 4);
    canvas.height = top + high * rows + 4;
    ctx = canvas.getContext('2d');
    ctx.font = '12px system-ui, sans-serif';
    var max = 1;
    chart.series.forEach(function (s) { s.values.forEach(function (v) { if (v !== null && v > max) { max = v; } }); });
    ctx.fillStyle = '#52606d';
    var every = cell < 20 ? 6 : 3;
    chart.series.forEach(function (s, c) { if (c % every === 0) { ctx.fillText(s.name, left + c * cell + 1, top - 6); } });
    names.forEach(function (label, r) {
      ctx.fillStyle = '#52606d';
      ctx.fillText(label, 2, top + r * high + high * 0.7);
      chart.series.forEach(function (s, c) {
        var v = s.values[r];
        var x = left + c * cell, y = top + r * high;
        if (v === null) {
          ctx.fillStyle = '#d9e2ec';
          ctx.fillRect(x, y, cell - 1, high - 1);
          ctx.strokeStyle = '#9aa5b1';
          ctx.beginPath(); ctx.moveTo(x, y + high - 1); ctx.lineTo(x + cell - 1, y); ctx.stroke();
        } else {
          var strength = v / max;
          ctx.fillStyle = 'rgba(11, 92, 173, ' + (0.06 + 0.94 * strength).toFixed(3) + ')';
          ctx.fillRect(x, y, cell - 1, high - 1);
        }
      });
    });
  }

  function loaded() {
    Array.prototype.forEach.call(document.querySelectorAll('.chart-loading'), function (note) { note.remove(); });
  }

  var charts = document.getElementById('charts');
  if (!charts) { return; }
  fetch(charts.getAttribute('data-url'), { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) { throw new Error('the chart data could not be loaded (' + response.status + ')'); }
      return response.json();
    })
    .then(function (data) {
      loaded();
      data.charts.forEach(draw);
      document.body.setAttribute('data-charts-drawn', 'true');
    })
    .catch(function (error) {
      loaded();
      var note = document.createElement('p');
      note.className = 'error';
      note.setAttribute('role', 'alert');
      note.textContent = 'The charts could not be drawn: ' + error.message + '. The tables below have every number.';
      charts.insertBefore(note, charts.firstChild);
    });
})();
