// Issue 17: the application's own pages (Meine Vorgänge, family file, duplicate check, ...) reachable
// from Tasklist: a row of links above the task list, chosen by the server for the person's groups,
// and above an open task's form its case number, the responsible caseworker and the family file.

function element(tag, klasse, text) {
  const e = document.createElement(tag);
  if (klasse) {
    e.className = klasse;
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

let seitenGeladen = null;

function seiten() {
  if (seitenGeladen === null) {
    seitenGeladen = fetch('/ki/tasklist/hinweis', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(r => (r.ok ? r.json() : {}))
      .then(a => (Array.isArray(a.seiten) ? a.seiten : []))
      .catch(() => []);
  }
  return seitenGeladen;
}

function leisteZeigen() {
  const liste = document.querySelector('[cam-tasks]');
  if (!liste || document.querySelector('.ki-seiten')) {
    return;
  }
  seiten().then(eintraege => {
    const ziel = document.querySelector('[cam-tasks]');
    if (!ziel || !eintraege.length || document.querySelector('.ki-seiten')) {
      return;
    }
    const leiste = element('nav', 'ki-seiten');
    leiste.setAttribute('aria-label', 'Weitere Seiten');
    eintraege.forEach((s, i) => {
      if (i > 0) {
        leiste.appendChild(document.createTextNode(' · '));
      }
      const a = element('a', null, s.titel);
      a.href = s.pfad;
      leiste.appendChild(a);
    });
    ziel.insertBefore(leiste, ziel.firstChild);
  });
}

function aktuelleAufgabe() {
  const teil = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(teil).get('task');
}

let laedt = null;

function fallZeigen() {
  const aufgabe = aktuelleAufgabe();
  const formular = document.querySelector('[cam-tasklist-form-camunda]');
  if (!aufgabe || !formular) {
    return;
  }
  const vorhanden = document.querySelector('.ki-fallzeile');
  if (vorhanden && vorhanden.dataset.aufgabe === aufgabe) {
    return;
  }
  if (laedt === aufgabe) {
    return;
  }
  laedt = aufgabe;
  fetch(`/ki/aufgabe/${encodeURIComponent(aufgabe)}/fall`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => (r.ok ? r.json() : {}))
    .catch(() => ({}))
    .then(fall => {
      laedt = null;
      if (aktuelleAufgabe() !== aufgabe) {
        return;
      }
      document.querySelectorAll('.ki-fallzeile').forEach(e => e.remove());
      const ort = document.querySelector('[cam-tasklist-form-camunda]');
      if (!ort || !fall.aktenzeichen) {
        return;
      }
      const zeile = element('div', 'ki-fallzeile');
      zeile.dataset.aufgabe = aufgabe;
      zeile.appendChild(element('span', null, `Fall ${fall.aktenzeichen}`));
      if (fall.zustaendig) {
        zeile.appendChild(element('span', 'ki-fallverantwortlich', ` · Fallverantwortlich: ${fall.zustaendig}`
          + (fall.vertretung ? ` (abwesend, vertreten durch ${fall.vertretung})` : '')));
      }
      if (fall.familienakte) {
        zeile.appendChild(document.createTextNode(' · '));
        const a = element('a', 'ki-familienakte', 'Familienakte öffnen');
        a.href = fall.familienakte;
        a.target = '_blank';
        a.rel = 'noopener';
        zeile.appendChild(a);
      }
      ort.parentNode.insertBefore(zeile, ort);
      if (fall.uebergabe) {
        const notiz = element('div', 'ki-fallzeile ki-uebergabe alert alert-info', fall.uebergabe);
        notiz.dataset.aufgabe = aufgabe;
        notiz.setAttribute('role', 'note');
        ort.parentNode.insertBefore(notiz, ort);
      }
    });
}

// the login of another person in the same tab gets their own links
window.addEventListener('hashchange', () => {
  if (!document.querySelector('.task-filters')) {
    seitenGeladen = null;
    document.querySelectorAll('.ki-seiten').forEach(e => e.remove());
  }
});

let geplant = false;
new MutationObserver(() => {
  if (geplant) {
    return;
  }
  geplant = true;
  setTimeout(() => {
    geplant = false;
    leisteZeigen();
    fallZeigen();
  }, 80);
}).observe(document.documentElement, { childList: true, subtree: true });

export default [];
