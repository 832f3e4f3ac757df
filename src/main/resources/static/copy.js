// A "Copy" button copies the text of the element named by its data-copy attribute. Without the clipboard (an old
// browser, or a page not served over https), the text is selected for the person to copy themselves.
(function () {
  'use strict';
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var source = document.getElementById(button.getAttribute('data-copy'));
      var done = document.querySelector('[data-copied]');
      source.focus();
      source.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(function () {
          if (done) { done.hidden = false; }
        });
      }
    });
  });
}());
