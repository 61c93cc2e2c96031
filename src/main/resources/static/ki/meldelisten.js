// Progress of a report list's start: polls the JSON status and updates the bar (no inline script:
// the pages' Content-Security-Policy forbids it). Reloads once when done, so the rows show their cases.
document.addEventListener('DOMContentLoaded', function () {
  var bereich = document.querySelector('[data-stand-url]');
  if (!bereich || bereich.querySelector('[data-fertig]')) {
    return;
  }
  var url = bereich.getAttribute('data-stand-url');
  function abfragen() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (antwort) { return antwort.json(); })
      .then(function (stand) {
        var balken = bereich.querySelector('[data-balken]');
        balken.max = stand.zuStarten;
        balken.value = stand.gestartet;
        bereich.querySelector('[data-gestartet]').textContent = stand.gestartet;
        bereich.querySelector('[data-zustarten]').textContent = stand.zuStarten;
        if (stand.fertig) {
          window.location.reload();
        } else {
          setTimeout(abfragen, 1000);
        }
      })
      .catch(function () { setTimeout(abfragen, 3000); });
  }
  setTimeout(abfragen, 500);
});
