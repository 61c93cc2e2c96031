// Tasklist additions (oberflaeche); loaded through config.js customScripts.
// Messages where the person looks (issue 19, points 3, 5, 7, 9, 12): refusals beside the Start/Abschließen
// button and at the fields, the case number after a start, German search criteria, a clear note when a
// task link is not (or no longer) theirs, and a note for groups without a process of their own.

const APP_ROOT = window.location.pathname.replace(/\/app\/tasklist\/.*$/, '');
const START = /\/process-definition\/(?:key\/[^/]+|[^/]+)\/submit-form\/?(?:\?.*)?$/;
const AUFGABE = /\/task\/[^/]+\/(?:submit-form|complete)\/?(?:\?.*)?$/;
const LISTE = /\/(?:filter\/[^/]+\/(?:list|count)|task(?:\/count)?)\/?(?:\?.*)?$/;

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

// ---------------------------------------------------------------------------------------------------
// Point 3: a refusal is shown beside the button that was clicked, naming every failing field.

/** The dialog or task form a button belongs to, with the place for the message beside its button. */
function absendeOrt(knopf) {
  const modal = knopf.closest('.modal-content');
  if (modal) {
    return { bereich: modal, vor: modal.querySelector('.modal-footer .row') || modal.querySelector('.modal-footer').firstChild,
      fuss: modal.querySelector('.modal-footer') };
  }
  const formular = knopf.closest('[cam-tasklist-form], .task-details, form') || document.body;
  return { bereich: formular, vor: knopf.parentElement, fuss: knopf.parentElement.parentElement };
}

let letzterKnopf = null;

function absendeKnopf() {
  if (letzterKnopf && document.body.contains(letzterKnopf)) {
    return letzterKnopf;
  }
  return [...document.querySelectorAll('.modal-footer button, button')]
    .find(k => ['Start', 'Abschließen'].includes(k.textContent.trim()) && k.offsetParent !== null) || null;
}

function feldElement(bereich, key) {
  const eingabe = bereich.querySelector(`[id$="-Field_${CSS.escape(key)}"], [id$="-Field_${CSS.escape(key)}-date"], [id*="-Field_${CSS.escape(key)}-"]`);
  return eingabe ? eingabe.closest('.fjs-form-field') : null;
}

function feldBezeichnung(feld) {
  const label = feld.querySelector('.fjs-form-field-label, label');
  return label ? label.textContent.replace(/\*/g, '').replace(/\s+/g, ' ').trim() : '';
}

function alteHinweiseEntfernen(bereich) {
  bereich.querySelectorAll('.ki-absendehinweis, .ki-feldmeldung').forEach(e => e.remove());
  bereich.querySelectorAll('.ki-feld-abgelehnt').forEach(e => e.classList.remove('ki-feld-abgelehnt'));
}

/**
 * @param eintraege [{feld: key or null, meldung}] – one line each, a click goes to the field
 */
function zeigeAbsendehinweis(knopf, ueberschrift, eintraege) {
  const ort = absendeOrt(knopf);
  alteHinweiseEntfernen(ort.bereich);
  const hinweis = element('div', 'ki-absendehinweis alert alert-danger');
  hinweis.setAttribute('role', 'alert');
  hinweis.appendChild(element('strong', null, ueberschrift));
  if (eintraege.length) {
    const liste = element('ul');
    for (const eintrag of eintraege) {
      const zeile = element('li');
      const feld = eintrag.feld ? feldElement(ort.bereich, eintrag.feld) : eintrag.element;
      if (feld) {
        const verweis = element('a', null, eintrag.meldung);
        verweis.href = '#';
        verweis.addEventListener('click', ereignis => {
          ereignis.preventDefault();
          feld.scrollIntoView({ block: 'center' });
          const eingabe = feld.querySelector('input, textarea, select, button');
          if (eingabe) {
            eingabe.focus();
          }
        });
        zeile.appendChild(verweis);
        if (eintrag.feld) {
          feld.classList.add('ki-feld-abgelehnt');
          feld.appendChild(element('div', 'ki-feldmeldung', eintrag.meldung));
        }
      } else {
        zeile.textContent = eintrag.meldung;
      }
      liste.appendChild(zeile);
    }
    hinweis.appendChild(liste);
  }
  if (ort.fuss && ort.vor && ort.vor.parentElement === ort.fuss) {
    ort.fuss.insertBefore(hinweis, ort.vor);
  } else if (ort.fuss) {
    ort.fuss.insertBefore(hinweis, ort.fuss.firstChild);
  }
  // message and button in sight together (in the dialog its footer stays at the bottom anyway)
  if (ort.bereich.classList.contains('modal-content')) {
    ort.fuss.scrollIntoView({ block: 'nearest' });
  } else {
    hinweis.scrollIntoView({ block: 'center' });
  }
}

/** form-js refused before sending (its own checks): the fields it marked, with their German labels. */
function formularFehlerPruefen(knopf) {
  const ort = absendeOrt(knopf);
  const felder = [...ort.bereich.querySelectorAll('.fjs-form-field.fjs-has-errors')];
  if (!felder.length) {
    return;
  }
  const eintraege = felder.map(feld => {
    const fehler = (feld.querySelector('.fjs-form-field-error') || {}).textContent || '';
    const text = /required|Pflicht/i.test(fehler) ? 'Pflichtfeld, bitte ausfüllen.' : 'Eingabe bitte prüfen.';
    return { element: feld, meldung: `${feldBezeichnung(feld)}: ${text}` };
  });
  const was = ort.bereich.closest('.modal-content') ? 'Nicht gestartet' : 'Nicht abgeschlossen';
  zeigeAbsendehinweis(knopf, `${was} – bitte ${eintraege.length === 1 ? 'dieses Feld' : `diese ${eintraege.length} Felder`} prüfen:`, eintraege);
}

document.addEventListener('click', ereignis => {
  const knopf = ereignis.target.closest && ereignis.target.closest('button');
  if (!knopf || !['Start', 'Abschließen'].includes(knopf.textContent.trim())) {
    return;
  }
  letzterKnopf = knopf;
  // form-js checks synchronously; a request to the server answers later (see below)
  setTimeout(() => formularFehlerPruefen(knopf), 300);
}, true);

function serverAntwortZeigen(antwort, start) {
  const knopf = absendeKnopf();
  if (!knopf) {
    return;
  }
  let inhalt = {};
  try {
    inhalt = JSON.parse(antwort);
  } catch (e) {
    inhalt = {};
  }
  const fehler = Array.isArray(inhalt.fehler) ? inhalt.fehler : [];
  const ueberschrift = start ? 'Der Fall wurde nicht angelegt.' : 'Die Aufgabe wurde nicht abgeschlossen.';
  if (fehler.length) {
    zeigeAbsendehinweis(knopf, `${ueberschrift} Bitte ${fehler.length === 1 ? 'dieses Feld' : `diese ${fehler.length} Felder`} prüfen:`,
      fehler.map(f => ({ feld: f.feld, meldung: f.meldung })));
  } else {
    zeigeAbsendehinweis(knopf, ueberschrift, inhalt.message ? [{ meldung: inhalt.message }] : []);
  }
}

// ---------------------------------------------------------------------------------------------------
// Point 5: after a start, the case number and what comes next with whom.

function fallAngelegtZeigen(instanz, aktenzeichenAusStart, versuch = 0) {
  fetch(`/ki/fall/${encodeURIComponent(instanz)}/naechster-schritt`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => (r.ok ? r.json() : null))
    .then(auskunft => {
      // the first task may be created a moment later (asynchronous steps): ask again a few times
      if (auskunft && !auskunft.beendet && auskunft.aufgaben.length === 0 && versuch < 5) {
        setTimeout(() => fallAngelegtZeigen(instanz, aktenzeichenAusStart, versuch + 1), 700);
        return;
      }
      zeigeFallAngelegt(auskunft, aktenzeichenAusStart);
    })
    .catch(() => zeigeFallAngelegt(null, aktenzeichenAusStart));
}

function zeigeFallAngelegt(auskunft, aktenzeichenAusStart) {
  document.querySelectorAll('.ki-fall-angelegt').forEach(e => e.remove());
  const aktenzeichen = (auskunft && auskunft.aktenzeichen) || aktenzeichenAusStart;
  const kasten = element('div', 'ki-fall-angelegt alert alert-success');
  kasten.setAttribute('role', 'status');
  const zu = element('button', 'close', '×');
  zu.type = 'button';
  zu.title = 'Hinweis schließen';
  zu.addEventListener('click', () => kasten.remove());
  kasten.appendChild(zu);
  if (auskunft && auskunft.weiterAn) {
    // a process that only hands something to another case: say where it went, not "case closed"
    kasten.appendChild(element('strong', null, `Erfasst${aktenzeichen ? ` (${aktenzeichen})` : ''}.`));
    kasten.appendChild(element('p', 'ki-naechster-schritt',
      `Die Angaben gehen an den Fall ${auskunft.weiterAn}; dort bearbeitet sie die zuständige Gruppe als nächste Aufgabe.`));
    const ziel = document.querySelector('[cam-tasks]') || document.querySelector('.page-wrap') || document.body;
    ziel.insertBefore(kasten, ziel.firstChild);
    return;
  }
  kasten.appendChild(element('strong', null, aktenzeichen ? `Fall ${aktenzeichen} wurde angelegt.` : 'Der Fall wurde angelegt.'));
  if (auskunft && auskunft.aufgaben.length) {
    for (const aufgabe of auskunft.aufgaben) {
      const zeile = element('p', 'ki-naechster-schritt');
      const wer = aufgabe.bearbeitung ? aufgabe.bearbeitung
        : (aufgabe.gruppen.length ? aufgabe.gruppen.join(', ') : 'noch niemandem zugeordnet');
      zeile.appendChild(document.createTextNode(`Als Nächstes: „${aufgabe.name}“ – zuständig: ${wer}. `));
      if (aufgabe.aufgabeId) {
        const verweis = element('a', 'ki-zur-aufgabe', 'Zur Aufgabe');
        verweis.href = `#/?task=${encodeURIComponent(aufgabe.aufgabeId)}`;
        zeile.appendChild(verweis);
      }
      kasten.appendChild(zeile);
    }
  } else if (auskunft && auskunft.beendet) {
    kasten.appendChild(element('p', 'ki-naechster-schritt', 'Der Fall ist bereits abgeschlossen; es ist keine Aufgabe offen.'));
  } else if (auskunft) {
    kasten.appendChild(element('p', 'ki-naechster-schritt', 'Zurzeit ist keine Aufgabe offen; der Fall wartet auf einen Termin oder eine Frist.'));
  }
  const ziel = document.querySelector('[cam-tasks]') || document.querySelector('.page-wrap') || document.body;
  ziel.insertBefore(kasten, ziel.firstChild);
}

// ---------------------------------------------------------------------------------------------------
// Point 9: the child's surname as a search criterion; Tasklist knows no such criterion, so the query
// carries "kiNachname" and is rewritten here into a variable condition the server allows (whole name only).

function nachnameUmschreiben(abfrage) {
  if (!abfrage || typeof abfrage !== 'object') {
    return false;
  }
  let geaendert = false;
  for (const schluessel of ['kiNachname', 'kiNachnameLike']) {
    if (schluessel in abfrage) {
      const wert = String(abfrage[schluessel]).replace(/^%|%$/g, '').trim();
      delete abfrage[schluessel];
      abfrage.processVariables = abfrage.processVariables || [];
      abfrage.processVariables.push({ name: 'nachname', operator: 'eq', value: wert });
      abfrage.variableValuesIgnoreCase = true;
      geaendert = true;
    }
  }
  (abfrage.orQueries || []).forEach(oder => {
    geaendert = nachnameUmschreiben(oder) || geaendert;
  });
  return geaendert;
}

// ---------------------------------------------------------------------------------------------------
// Requests and answers (Tasklist talks to the engine through XMLHttpRequest).

const oeffnen = XMLHttpRequest.prototype.open;
const senden = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (methode, adresse, ...rest) {
  this.kiMethode = String(methode).toUpperCase();
  this.kiAdresse = String(adresse);
  return oeffnen.call(this, methode, adresse, ...rest);
};
XMLHttpRequest.prototype.send = function (inhalt) {
  const methode = this.kiMethode;
  const adresse = this.kiAdresse || '';
  if (methode === 'POST' && LISTE.test(adresse) && typeof inhalt === 'string' && inhalt.includes('kiNachname')) {
    try {
      const abfrage = JSON.parse(inhalt);
      if (nachnameUmschreiben(abfrage)) {
        inhalt = JSON.stringify(abfrage);
      }
    } catch (e) {
      // not JSON: sent as it is
    }
  }
  if (methode === 'POST' && (START.test(adresse) || AUFGABE.test(adresse))) {
    this.addEventListener('load', () => {
      const start = START.test(adresse);
      if (this.status >= 200 && this.status < 300 && start) {
        try {
          const fall = JSON.parse(this.responseText);
          if (fall && fall.id) {
            fallAngelegtZeigen(fall.id, fall.businessKey);
          }
        } catch (e) {
          // no case in the answer: Tasklist's own message stays
        }
      } else if (this.status >= 400) {
        serverAntwortZeigen(this.responseText, start);
      }
    });
  }
  return senden.call(this, inhalt);
};

// ---------------------------------------------------------------------------------------------------
// Point 9: the search criteria staff use, with German names; the 31 technical ones hidden.

const SUCHKRITERIEN = {
  processInstanceBusinessKey: 'Aktenzeichen',
  kiNachname: 'Nachname des Kindes',
  name: 'Aufgabe',
  processDefinitionName: 'Verfahren',
  assignee: 'Bearbeitung (Benutzerkennung)',
  due: 'Fälligkeitsdatum',
  withoutDueDate: 'Ohne Fälligkeitsdatum',
  followUp: 'Wiedervorlagedatum',
  created: 'Erstellungsdatum'
};

function sucheAnpassen(widget) {
  if (!window.angular || widget.dataset.kiSuche) {
    return;
  }
  const scope = window.angular.element(widget).isolateScope();
  if (!scope || !Array.isArray(scope.types) || !scope.searchTypes) {
    return;
  }
  widget.dataset.kiSuche = 'ja';
  person().then(angaben => sucheUmstellen(scope, angaben.namensuche));
}

function sucheUmstellen(scope, namensuche) {
  const typen = scope.types;
  const aktenzeichen = typen.find(t => t.id.key === 'processInstanceBusinessKey');
  const standard = typen.find(t => t.default);
  // Free text searches the case number: the widget keeps its default criterion as an object, so the
  // two objects exchange their contents (the task name stays available as "Aufgabe").
  if (aktenzeichen && standard && aktenzeichen !== standard) {
    const kopie = Object.assign({}, standard);
    Object.keys(standard).forEach(k => delete standard[k]);
    Object.assign(standard, aktenzeichen, { default: true });
    Object.keys(aktenzeichen).forEach(k => delete aktenzeichen[k]);
    Object.assign(aktenzeichen, kopie, { default: false });
  }
  if (namensuche && !typen.some(t => t.id.key === 'kiNachname')) {
    typen.push({ id: { key: 'kiNachname', value: 'Nachname des Kindes' }, operators: [{ key: 'eq', value: '=' }], enforceString: true });
  }
  for (let i = typen.length - 1; i >= 0; i--) {
    const name = SUCHKRITERIEN[typen[i].id.key];
    if (name) {
      typen[i].id.value = name;
    } else {
      typen.splice(i, 1);
    }
  }
  const reihenfolge = Object.keys(SUCHKRITERIEN);
  typen.sort((a, b) => reihenfolge.indexOf(a.id.key) - reihenfolge.indexOf(b.id.key));
  scope.searchTypes = typen.map(t => t.id);
  scope.$applyAsync();
}

// ---------------------------------------------------------------------------------------------------
// Point 12: "Die Aufgabe existiert nicht mehr : No matching task with id …" in plain German.

const TECHNISCH = /No matching task|task is null|Cannot find task/i;

function meldungenEindeutschen(wurzel) {
  wurzel.querySelectorAll('.notifications .alert').forEach(alarm => {
    const text = alarm.querySelector('.message');
    if (text && TECHNISCH.test(text.textContent) && !text.dataset.kiErsetzt) {
      text.dataset.kiErsetzt = 'ja';
      text.textContent = 'Sie wurde inzwischen erledigt oder gehört zu einer anderen Gruppe. '
        + 'Ihre Aufgaben finden Sie links unter „Meine Aufgaben“ und „Aufgaben meiner Gruppe“.';
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Point 12: a note for a group whose work has no process of its own yet (text from the server).

let angabenGeladen = null;

/** What the server says of the person logged in: a note for the group, whether to offer the surname search. */
function person() {
  if (angabenGeladen === null) {
    angabenGeladen = fetch('/ki/tasklist/hinweis', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(r => (r.ok ? r.json() : {}))
      .catch(() => ({}));
  }
  return angabenGeladen;
}

function arbeitshinweisZeigen() {
  if (document.querySelector('.ki-arbeitshinweis') || !document.querySelector('[cam-tasks]')) {
    return;
  }
  person().then(angaben => {
    const text = angaben.hinweis;
    // above the task list, where the eye goes (and an empty list would say nothing)
    const liste = document.querySelector('[cam-tasks]');
    if (!text || !liste || document.querySelector('.ki-arbeitshinweis')) {
      return;
    }
    const kasten = element('div', 'ki-arbeitshinweis alert alert-info', text);
    kasten.setAttribute('role', 'note');
    liste.insertBefore(kasten, liste.firstChild);
  });
}

// ---------------------------------------------------------------------------------------------------

let geplant = false;
new MutationObserver(() => {
  if (geplant) {
    return;
  }
  geplant = true;
  setTimeout(() => {
    geplant = false;
    document.querySelectorAll('[cam-widget-search]').forEach(sucheAnpassen);
    meldungenEindeutschen(document);
    arbeitshinweisZeigen();
  }, 50);
}).observe(document.documentElement, { childList: true, subtree: true });

// the login of another person in the same tab starts afresh
window.addEventListener('hashchange', () => {
  if (!document.querySelector('.task-filters')) {
    angabenGeladen = null;
  }
});

export default [];
