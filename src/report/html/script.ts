/**
 * The report's only script, inlined: the level filter and the copy buttons. It reads the page's
 * own markup; no data is spliced into it, so nothing from a bank can end up inside <script>.
 */
export const SCRIPT = `
(function () {
  'use strict';
  var boxes = Array.prototype.slice.call(document.querySelectorAll('.filter input[name="level"]'));
  function apply() {
    var shown = {};
    boxes.forEach(function (b) { shown[b.value] = b.checked; });
    var findings = Array.prototype.slice.call(document.querySelectorAll('details.finding'));
    findings.forEach(function (f) { f.hidden = shown[f.getAttribute('data-level')] === false; });
    var any = false;
    Array.prototype.forEach.call(document.querySelectorAll('section.check'), function (c) {
      var visible = c.querySelector('details.finding:not([hidden])') !== null;
      c.hidden = !visible;
      if (visible) any = true;
    });
    var note = document.querySelector('.filtered-out');
    if (note) note.hidden = any || findings.length === 0;
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  function select(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (button) {
    button.addEventListener('click', function () {
      var pre = button.closest('.repro').querySelector('pre');
      var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 1500); };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(pre.textContent).then(done, function () { select(pre); });
      else select(pre);
    });
  });
  apply();
})();
`;
