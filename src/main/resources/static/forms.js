// Keeps work from being lost in the console, on every page (no page depends on it: every form works without it).
//  - An error summary takes focus when a page shows one, and its links move focus to the field they name.
//  - Text areas grow to show all their text, instead of hiding it behind their own scroll bar.
//  - A form marked data-warn-unsaved asks before the page is left with changes not sent.
//  - Some minutes before an idle session ends, a warning offers to stay signed in.
(function () {
  'use strict';

  // ---- error summaries ----
  var summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      var field = link && document.getElementById(link.getAttribute('href').slice(1));
      if (!field) { return; }
      event.preventDefault();
      var label = document.querySelector('label[for="' + field.id + '"]') || field;
      label.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  // ---- text areas that fit their text ----
  var fits = window.CSS && CSS.supports && CSS.supports('field-sizing', 'content');
  function grow(area) {
    area.style.height = 'auto';
    area.style.height = (area.scrollHeight + 2) + 'px';
  }
  if (!fits) {
    Array.prototype.forEach.call(document.querySelectorAll('textarea'), function (area) {
      grow(area);
      area.addEventListener('input', function () { grow(area); });
    });
  }

  // ---- unsaved changes ----
  var unsaved = false;
  Array.prototype.forEach.call(document.querySelectorAll('form[data-warn-unsaved]'), function (form) {
    var status = form.querySelector('[data-unsaved-status]');
    function changed() {
      unsaved = true;
      if (status) { status.textContent = 'You have changes that are not saved yet.'; }
    }
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    form.addEventListener('submit', function () { unsaved = false; });
  });
  window.addEventListener('beforeunload', function (event) {
    if (unsaved) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // ---- the session's end ----
  // The server counts idle time from the last page or form it received (to the minute), so the warning comes a minute
  // early. The time is read from the clock on each check, since timers stop while a laptop sleeps.
  var body = document.body;
  var seconds = Number(body.getAttribute('data-session-seconds'));
  var warning = document.getElementById('session-warning');
  if (!seconds || !warning) { return; }
  var WARN_BEFORE = 5 * 60 * 1000;
  var MARGIN = 60 * 1000;
  var text = document.getElementById('session-warning-text');
  var stay = document.getElementById('stay-signed-in');

  function restart() {
    var ends = Date.now() + seconds * 1000 - MARGIN;
    body.setAttribute('data-session-ends-at', String(ends));
    body.setAttribute('data-session-warn-at', String(ends - WARN_BEFORE));
  }

  function check() {
    var now = Date.now();
    var ends = Number(body.getAttribute('data-session-ends-at'));
    var warnAt = Number(body.getAttribute('data-session-warn-at'));
    if (now >= ends) {
      text.textContent = 'Your session has ended. Nothing is lost: anything you save now is kept for you,'
        + ' and after you sign in again you can save it.';
      stay.hidden = true;
      warning.hidden = false;
    } else if (now >= warnAt) {
      var minutes = Math.max(1, Math.round((ends - now) / 60000));
      var words = 'You will be signed out in about ' + minutes + (minutes === 1 ? ' minute' : ' minutes')
        + ' because nothing has been saved or opened for a while.';
      if (text.textContent !== words) { text.textContent = words; }
      stay.hidden = false;
      warning.hidden = false;
    } else {
      warning.hidden = true;
    }
  }

  stay.addEventListener('click', function () {
    fetch('/admin/session/stay', {
      method: 'POST', credentials: 'same-origin', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'csrf=' + encodeURIComponent(body.getAttribute('data-csrf'))
    }).then(function (response) {
      if (!response.ok) { throw new Error('ended'); }
      restart();
      check();
      text.textContent = '';
    }).catch(function () {
      body.setAttribute('data-session-ends-at', '0');
      check();
    });
  });

  restart();
  check();
  setInterval(check, 5000);
})();
