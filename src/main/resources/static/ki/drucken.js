// Print button of our letters (no inline script: the pages' Content-Security-Policy forbids it).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-drucken]').forEach(function (knopf) {
    knopf.addEventListener('click', function () { window.print(); });
  });
});
