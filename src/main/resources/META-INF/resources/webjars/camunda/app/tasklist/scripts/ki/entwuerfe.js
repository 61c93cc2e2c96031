// Tasklist additions (entwuerfe); loaded through config.js customScripts.
//
// Nothing typed is lost, and nothing of a child stays in the browser (issue 19, point 2):
// - "Speichern" of a task form stores the draft on the server (/ki/entwuerfe/aufgabe/<id>, per user,
//   checked like a submission, reads logged) instead of the browser's localStorage;
// - opening the task form loads that draft ("Entwurf vom … geladen");
// - leaving a task form with unsaved input (other filter, other task, reload, Abmelden) saves the draft;
// - Esc, "Schließen", "Zurück" or a click beside the start dialog ask "Eingaben verwerfen?" first;
// - every browser copy of form data (Tasklist's "camunda-form:" and "camForm:" keys) is removed at
//   start, on the login page and at "Abmelden".

const PRAEFIXE = ['camunda-form:', 'camForm:'];
const ENTWURF = 'camunda-form:';
const FRAGE = 'Eingaben verwerfen?';
const ADRESSE = (aufgabe) => '/ki/entwuerfe/aufgabe/' + encodeURIComponent(aufgabe);

const original = {
  getItem: Storage.prototype.getItem,
  setItem: Storage.prototype.setItem,
  removeItem: Storage.prototype.removeItem,
  open: XMLHttpRequest.prototype.open,
  send: XMLHttpRequest.prototype.send,
};

/** Drafts loaded from the server, by task id: {werte, gespeichert}. */
const entwuerfe = new Map();
/** Task whose form has input that is not saved yet. */
let ungespeichert = null;
/** Draft handed to the form last, for the notice: {aufgabe, gespeichert}. */
let geladen = null;

function istFormularSchluessel(schluessel) {
  return typeof schluessel === 'string' && PRAEFIXE.some((p) => schluessel.startsWith(p));
}

/** Removes every browser copy of form data from localStorage and sessionStorage. */
function browserKopienLoeschen() {
  for (const speicher of [window.localStorage, window.sessionStorage]) {
    try {
      for (let i = speicher.length - 1; i >= 0; i--) {
        const schluessel = speicher.key(i);
        if (istFormularSchluessel(schluessel)) {
          original.removeItem.call(speicher, schluessel);
        }
      }
    } catch (e) {
      // storage switched off: nothing kept either
    }
  }
  // saved searches (Tasklist's settings "camunda-web") may hold a child's surname
  try {
    const einstellungen = JSON.parse(original.getItem.call(window.localStorage, 'camunda-web') || '{}');
    if (einstellungen.searchCriteria) {
      delete einstellungen.searchCriteria;
      original.setItem.call(window.localStorage, 'camunda-web', JSON.stringify(einstellungen));
    }
  } catch (e) {
    // not readable: left as it is
  }
}

function csrf() {
  const treffer = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return treffer ? decodeURIComponent(treffer[1]) : '';
}

function aktuelleAufgabe() {
  const teil = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(teil).get('task');
}

function datum(iso) {
  const d = new Date(iso);
  const zwei = (n) => String(n).padStart(2, '0');
  return zwei(d.getDate()) + '.' + zwei(d.getMonth() + 1) + '.' + d.getFullYear() + ', '
    + zwei(d.getHours()) + ':' + zwei(d.getMinutes()) + ' Uhr';
}

function laden(aufgabe) {
  const zeitlimit = new Promise((fertig) => setTimeout(fertig, 5000));
  const abfrage = fetch(ADRESSE(aufgabe), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((antwort) => (antwort.status === 200 ? antwort.json() : null))
    .then((entwurf) => {
      if (entwurf && entwurf.werte) {
        entwuerfe.set(aufgabe, entwurf);
      } else {
        entwuerfe.delete(aufgabe);
      }
    })
    .catch(() => entwuerfe.delete(aufgabe));
  return Promise.race([abfrage, zeitlimit]);
}

function meldung(text, fehler) {
  const aktionen = document.querySelector('.task-details .form-actions') || document.querySelector('.form-actions');
  if (!aktionen) {
    return;
  }
  let feld = document.querySelector('.ki-entwurf-status');
  if (!feld) {
    feld = document.createElement('div');
    feld.className = 'ki-entwurf-status';
    feld.setAttribute('role', 'status');
    aktionen.parentNode.insertBefore(feld, aktionen);
  }
  feld.className = 'ki-entwurf-status alert ' + (fehler ? 'alert-danger' : 'alert-success');
  feld.textContent = text;
}

function speichern(aufgabe, inhalt) {
  let werte;
  try {
    werte = JSON.parse(inhalt);
  } catch (e) {
    return;
  }
  fetch(ADRESSE(aufgabe), {
    method: 'PUT',
    credentials: 'same-origin',
    keepalive: true,
    headers: {'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrf()},
    body: JSON.stringify(werte),
  }).then((antwort) => antwort.json().catch(() => ({})).then((text) => {
    if (antwort.ok) {
      entwuerfe.set(aufgabe, {werte, gespeichert: text.gespeichert});
      if (ungespeichert === aufgabe) {
        ungespeichert = null;
      }
      if (aktuelleAufgabe() === aufgabe) {
        meldung('Entwurf gespeichert (' + datum(text.gespeichert || new Date().toISOString())
          + '). Er ist nur für Sie sichtbar und wird gelöscht, sobald die Aufgabe erledigt ist.', false);
      }
    } else if (aktuelleAufgabe() === aufgabe) {
      meldung(text.meldung || 'Der Entwurf wurde nicht gespeichert.', true);
    }
  })).catch(() => {
    if (aktuelleAufgabe() === aufgabe) {
      meldung('Der Entwurf wurde nicht gespeichert: keine Verbindung zum Server.', true);
    }
  });
}

function verwerfen(aufgabe) {
  entwuerfe.delete(aufgabe);
  if (ungespeichert === aufgabe) {
    ungespeichert = null;
  }
  fetch(ADRESSE(aufgabe), {method: 'DELETE', credentials: 'same-origin', keepalive: true,
    headers: {'X-XSRF-TOKEN': csrf()}}).catch(() => {});
}

// Tasklist's form code reads and writes drafts through localStorage: served from the server instead.
Storage.prototype.getItem = function (schluessel) {
  if (istFormularSchluessel(schluessel)) {
    const aufgabe = schluessel.startsWith(ENTWURF) ? schluessel.slice(ENTWURF.length) : null;
    const entwurf = aufgabe && entwuerfe.get(aufgabe);
    if (entwurf) {
      geladen = {aufgabe, gespeichert: entwurf.gespeichert};
      return JSON.stringify(entwurf.werte);
    }
    return null;
  }
  return original.getItem.call(this, schluessel);
};

Storage.prototype.setItem = function (schluessel, wert) {
  if (istFormularSchluessel(schluessel)) {
    const aufgabe = schluessel.startsWith(ENTWURF) ? schluessel.slice(ENTWURF.length) : null;
    // a start form has no task yet ("undefined"): it is not kept anywhere
    if (aufgabe && aufgabe !== 'undefined') {
      speichern(aufgabe, wert);
    }
    return undefined;
  }
  return original.setItem.call(this, schluessel, wert);
};

Storage.prototype.removeItem = function (schluessel) {
  if (istFormularSchluessel(schluessel) && schluessel.startsWith(ENTWURF)) {
    const aufgabe = schluessel.slice(ENTWURF.length);
    if (aufgabe && aufgabe !== 'undefined') {
      verwerfen(aufgabe); // the task was completed: its draft is done with
    }
  }
  return original.removeItem.call(this, schluessel);
};

// The task form reads its draft synchronously when it is drawn, right after Tasklist has fetched the
// task's form key: that request waits until the draft is here.
XMLHttpRequest.prototype.open = function (methode, adresse, ...rest) {
  const treffer = methode === 'GET' && /\/task\/([^/?]+)\/form(?:\?|$)/.exec(String(adresse));
  this.kiEntwurfFuer = treffer ? decodeURIComponent(treffer[1]) : null;
  return original.open.call(this, methode, adresse, ...rest);
};

XMLHttpRequest.prototype.send = function (inhalt) {
  if (this.kiEntwurfFuer) {
    laden(this.kiEntwurfFuer).finally(() => {
      try {
        original.send.call(this, inhalt);
      } catch (e) {
        // aborted while the draft was loading (another task chosen): nothing to send
      }
    });
    return undefined;
  }
  return original.send.call(this, inhalt);
};

function speicherknopf() {
  const knopf = document.querySelector('.form-actions button[ng-click="save($event)"]');
  return knopf && !knopf.disabled ? knopf : null;
}

/** Leaving a task form with unsaved input: Tasklist's own "Speichern" stores it as a draft first. */
function ungespeichertesSichern() {
  if (!ungespeichert) {
    return;
  }
  const knopf = speicherknopf();
  if (knopf) {
    knopf.click();
  }
}

function startDialog() {
  const formular = document.querySelector('.modal .fjs-form');
  return formular ? formular.closest('.modal') : null;
}

function eingabe(ereignis) {
  const ziel = ereignis.target;
  if (!(ziel instanceof Element) || !ziel.closest('.fjs-form')) {
    return;
  }
  const dialog = ziel.closest('.modal');
  if (dialog) {
    dialog.kiEingabe = true;
  } else if (ziel.closest('[cam-tasklist-form]')) {
    ungespeichert = aktuelleAufgabe();
  }
}
document.addEventListener('input', eingabe, true);
document.addEventListener('change', eingabe, true);

let ohneFrage = false;

/**
 * Asks in the page, in German, before typed input is discarded. The browser's own confirm() names the
 * site in its frame and did not reliably appear after Esc (the modal's own Esc handling competes).
 * "Weiter bearbeiten" has the focus: Enter or Esc keep the input.
 */
function frageVerwerfen(verwerfen) {
  if (document.querySelector('.ki-frage')) {
    return;
  }
  const huelle = document.createElement('div');
  huelle.className = 'ki-frage';
  huelle.setAttribute('role', 'alertdialog');
  huelle.setAttribute('aria-modal', 'true');
  huelle.setAttribute('aria-labelledby', 'ki-frage-text');
  const kasten = document.createElement('div');
  kasten.className = 'ki-frage-kasten';
  const text = document.createElement('p');
  text.id = 'ki-frage-text';
  text.className = 'ki-frage-text';
  text.textContent = FRAGE;
  const erklaerung = document.createElement('p');
  erklaerung.textContent = 'Was Sie in dieses Formular eingegeben haben, wird nicht gespeichert und ist danach verloren.';
  const behalten = document.createElement('button');
  behalten.type = 'button';
  behalten.className = 'btn btn-primary ki-frage-behalten';
  behalten.textContent = 'Weiter bearbeiten';
  const weg = document.createElement('button');
  weg.type = 'button';
  weg.className = 'btn btn-default ki-frage-verwerfen';
  weg.textContent = 'Eingaben verwerfen';
  const knoepfe = document.createElement('div');
  knoepfe.className = 'ki-frage-knoepfe';
  knoepfe.append(behalten, ' ', weg);
  kasten.append(text, erklaerung, knoepfe);
  huelle.append(kasten);
  document.body.append(huelle);
  behalten.addEventListener('click', () => huelle.remove());
  weg.addEventListener('click', () => {
    huelle.remove();
    ohneFrage = true;
    try {
      verwerfen();
    } finally {
      ohneFrage = false;
    }
  });
  behalten.focus();
}

function dialogSchliessen(dialog, knopf) {
  const schliessen = knopf || dialog.querySelector('button[ng-click="$dismiss()"]');
  if (schliessen) {
    schliessen.click();
  }
}

window.addEventListener('keydown', (ereignis) => {
  if (ereignis.key !== 'Escape') {
    return;
  }
  const offen = document.querySelector('.ki-frage');
  if (offen) {
    // Esc on the question keeps the input
    ereignis.stopImmediatePropagation();
    ereignis.preventDefault();
    offen.remove();
    return;
  }
  const dialog = startDialog();
  if (!dialog || !dialog.kiEingabe) {
    return;
  }
  // Esc closes an open date picker only, never the dialog with what was typed
  ereignis.stopImmediatePropagation();
  ereignis.preventDefault();
  const kalender = Array.from(dialog.querySelectorAll('input')).find((f) => f._flatpickr && f._flatpickr.isOpen);
  if (kalender) {
    kalender._flatpickr.close();
    return;
  }
  if (Array.from(document.querySelectorAll('.flatpickr-calendar.open')).some((k) => k.getClientRects().length > 0)) {
    // a picker without its instance at hand: a click beside it closes it, as flatpickr does on any outside click
    dialog.querySelector('.modal-header').dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));
    return;
  }
  frageVerwerfen(() => dialogSchliessen(dialog));
}, true);

window.addEventListener('click', (ereignis) => {
  const ziel = ereignis.target;
  if (!(ziel instanceof Element) || ziel.closest('.ki-frage')) {
    return;
  }
  const dialog = startDialog();
  if (dialog && dialog.kiEingabe && !ohneFrage) {
    const knopf = ziel.closest('button[ng-click="$dismiss()"], button[ng-click="back()"]');
    if (ziel === dialog || knopf) {
      ereignis.stopImmediatePropagation();
      ereignis.preventDefault();
      frageVerwerfen(() => dialogSchliessen(dialog, knopf));
    }
    return;
  }
  if (ungespeichert && !ziel.closest('[cam-tasklist-form], .modal')
      && ziel.closest('a, button, [ng-click], .task-filter, li.task')) {
    ungespeichertesSichern();
  }
  if (ziel.closest('[ng-click="logout()"]') || (ziel.closest('a, button') && ziel.closest('a, button').textContent.trim() === 'Abmelden')) {
    entwuerfe.clear();
    browserKopienLoeschen();
  }
}, true);

window.addEventListener('hashchange', (ereignis) => {
  if (ungespeichert && new URLSearchParams((new URL(ereignis.newURL).hash.split('?')[1]) || '').get('task') !== ungespeichert) {
    ungespeichertesSichern();
  }
}, true);

window.addEventListener('pagehide', () => {
  ungespeichertesSichern();
  browserKopienLoeschen();
});

/** "Entwurf vom … geladen" above the form the draft went into; the login page clears the browser. */
function hinweisZeigen() {
  if (document.querySelector('input[type=password]') && !document.querySelector('.fjs-form')) {
    entwuerfe.clear();
    browserKopienLoeschen();
  }
  if (!geladen || geladen.aufgabe !== aktuelleAufgabe()) {
    return;
  }
  const formular = document.querySelector('[cam-tasklist-form-camunda] .fjs-form');
  if (!formular) {
    return;
  }
  const behaelter = formular.closest('[cam-tasklist-form-camunda]');
  let hinweis = behaelter.parentNode.querySelector('.ki-entwurf-hinweis');
  if (!hinweis) {
    hinweis = document.createElement('div');
    hinweis.className = 'ki-entwurf-hinweis alert alert-info';
    hinweis.setAttribute('role', 'status');
    behaelter.parentNode.insertBefore(hinweis, behaelter);
  }
  hinweis.textContent = 'Entwurf vom ' + datum(geladen.gespeichert) + ' geladen.';
  geladen = null;
}

browserKopienLoeschen();
new MutationObserver(hinweisZeigen).observe(document.documentElement, {childList: true, subtree: true});

export default [];
