// Tasklist additions (formular-deutsch): German messages, placeholders and date picker for the
// Camunda Forms (form-js 1.x) Tasklist renders, and no silent changes of typed input.
// form-js and its date picker (flatpickr) have no language setting; both sit in Camunda's webpack
// bundle (lib/deps.js). We reach their modules through the bundle's chunk registry and adjust them
// once, before the first form is shown: form-js' validator answers in German, flatpickr is German
// (Monday first, dd.mm.yyyy with leading zeros) and refuses dates that do not exist instead of
// rolling 31.02. over to 03.03.; number fields say why a letter is not taken.
// A form author gives a pattern its German message in the field's custom property "musterMeldung".

const DATUM_FORMAT = 'd.m.Y';
const DATUM_PLATZHALTER = 'TT.MM.JJJJ';

const FLATPICKR_DEUTSCH = {
  weekdays: {
    shorthand: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
    longhand: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag']
  },
  months: {
    shorthand: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
    longhand: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober',
      'November', 'Dezember']
  },
  firstDayOfWeek: 1,
  weekAbbreviation: 'KW',
  rangeSeparator: ' bis ',
  scrollTitle: 'Zum Ändern scrollen',
  toggleTitle: 'Zum Umschalten klicken',
  yearAriaLabel: 'Jahr',
  monthAriaLabel: 'Monat',
  hourAriaLabel: 'Stunde',
  minuteAriaLabel: 'Minute',
  time_24hr: true,
  ordinal: () => '.'
};

// Texts form-js writes itself into the page (not through the validator).
const TEXTE = {
  'Select': 'Bitte auswählen',
  'Search': 'Suchen',
  'No results': 'Keine Treffer',
  'Date and time must both be entered.': 'Bitte Datum und Uhrzeit eingeben.',
  'Increment': 'Erhöhen',
  'Decrement': 'Verringern',
  'hh:mm': 'HH:MM',
  // the buttons of a dynamic list (e.g. the building blocks of a funding application)
  'Add new': 'Zeile hinzufügen',
  'Collapse': 'Einklappen'
};

// Texts form-js writes with a number in them.
const MUSTER = [
  [/^Remove list item (\d+)$/, 'Zeile $1 entfernen'],
  [/^Expand all \((\d+)\)$/, 'Alle $1 Zeilen zeigen']
];

/** The German of a text form-js wrote itself, or undefined. */
function uebersetzt(text) {
  if (TEXTE[text]) {
    return TEXTE[text];
  }
  const muster = MUSTER.find(([m]) => m.test(text));
  return muster ? text.replace(muster[0], muster[1]) : undefined;
}

/** form-js' English validation message for a field, in German. */
function deutsch(feld, meldung) {
  let m;
  if (meldung === 'Field is required.') {
    return 'Bitte ausfüllen – dies ist ein Pflichtfeld.';
  }
  if (meldung.startsWith('Field must match pattern')) {
    const eigene = feld && feld.properties && feld.properties.musterMeldung;
    return eigene || 'Die Eingabe hat nicht das erwartete Format.';
  }
  if ((m = /^Field must have minimum value of (.+)\.$/.exec(meldung))) {
    return `Der Wert darf nicht kleiner als ${m[1]} sein.`;
  }
  if ((m = /^Field must have maximum value of (.+)\.$/.exec(meldung))) {
    return `Der Wert darf nicht größer als ${m[1]} sein.`;
  }
  if ((m = /^Field must have minimum length of (.+)\.$/.exec(meldung))) {
    return `Bitte mindestens ${m[1]} Zeichen eingeben.`;
  }
  if ((m = /^Field must have maximum length of (.+)\.$/.exec(meldung))) {
    return `Bitte höchstens ${m[1]} Zeichen eingeben.`;
  }
  if (meldung.startsWith('Field must be a valid email')) {
    return 'Bitte eine gültige E-Mail-Adresse eingeben (z. B. name@beispiel.de).';
  }
  if (meldung.startsWith('Field must be a valid  international phone number')) {
    return 'Bitte eine gültige Telefonnummer mit Ländervorwahl eingeben (z. B. +492911234567).';
  }
  if (meldung === 'Value is not a number.') {
    return 'Bitte eine Zahl eingeben.';
  }
  if (meldung === 'Value is expected to be an integer.') {
    return 'Bitte eine ganze Zahl eingeben.';
  }
  if ((m = /^Value is expected to have at most (\d+) decimal digit/.exec(meldung))) {
    return `Bitte höchstens ${m[1]} Nachkommastellen eingeben.`;
  }
  if ((m = /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/.exec(meldung))) {
    return `Bitte einen gültigen Wert eingeben, die nächsten gültigen Werte sind ${m[1]} und ${m[2]}.`;
  }
  return TEXTE[meldung] || meldung;
}

// Messages about typed text form-js never saw (a date that does not exist, letters in a number
// field), per form and field id; they count as validation errors until the field is corrected.
const eigeneFehler = new WeakMap();

function fehlerDes(form) {
  let fehler = eigeneFehler.get(form);
  if (!fehler) {
    fehler = new Map();
    eigeneFehler.set(form, fehler);
  }
  return fehler;
}

function webpackModule(pruefe, bekannteId) {
  const chunks = window.webpackChunkcamunda_bpm_webapp;
  if (!chunks) {
    return null;
  }
  let require = null;
  chunks.push([['ki-formular-deutsch-' + Math.random()], {}, (r) => { require = r; }]);
  if (!require) {
    return null;
  }
  const ids = [bekannteId, ...Object.keys(require.m)];
  for (const id of ids) {
    const fabrik = require.m[id];
    if (fabrik && pruefe(Function.prototype.toString.call(fabrik))) {
      return require(id);
    }
  }
  return null;
}

function formularDes(element) {
  const behaelter = element && element.closest('.fjs-container');
  return behaelter ? behaelter.__kiFormular : null;
}

/** Shows the field's errors now (form-js would only on the next change of the field). */
function zeigeFehler(form, feldId) {
  const instanz = form.get('formFieldInstanceRegistry').getAllKeyed().find((i) => i.id === feldId);
  if (!instanz) {
    return;
  }
  const { data, errors } = form._getState();
  const wert = instanz.valuePath.reduce((o, k) => (o == null ? undefined : o[k]), data);
  const meldungen = form.get('validator').validateFieldInstance(instanz, wert);
  const neu = { ...errors };
  if (meldungen.length) {
    neu[feldId] = meldungen;
  } else {
    delete neu[feldId];
  }
  form._setState({ errors: neu });
}

function feldIdVon(form, eingabe, endung) {
  const id = eingabe.id || '';
  const feld = form.get('formFieldRegistry').getAll().find((f) => id.endsWith('-' + f.id + endung));
  return feld ? feld.id : null;
}

function formJsAnpassen(formJs) {
  const Form = formJs && formJs.Form;
  if (!Form || Form.prototype.__kiDeutsch) {
    return;
  }
  Form.prototype.__kiDeutsch = true;
  // A field in a dynamic list leaves an empty entry ({id: []}) in form-js' error state once its error
  // is cleared; Tasklist counts the entries and would keep "Abschließen" disabled for good.
  const zustandSetzen = Form.prototype._setState;
  Form.prototype._setState = function (teil) {
    return zustandSetzen.call(this, teil && teil.errors ? {...teil, errors: ohneLeereFehler(teil.errors)} : teil);
  };
  const importieren = Form.prototype.importSchema;
  Form.prototype.importSchema = function (...args) {
    this._container.__kiFormular = this;
    validatorAnpassen(Object.getPrototypeOf(this.get('validator')));
    return importieren.apply(this, args);
  };
}

function hatFehler(wert) {
  if (Array.isArray(wert)) {
    return wert.some((w) => typeof w === 'string' || hatFehler(w));
  }
  return wert !== null && typeof wert === 'object' && Object.values(wert).some(hatFehler);
}

function ohneLeereFehler(fehler) {
  const ergebnis = {};
  Object.entries(fehler).forEach(([id, wert]) => {
    if (hatFehler(wert)) {
      ergebnis[id] = wert;
    }
  });
  return ergebnis;
}

function validatorAnpassen(Validator) {
  if (Validator.__kiDeutsch) {
    return;
  }
  Validator.__kiDeutsch = true;
  const feld = Validator.validateField;
  Validator.validateField = function (f, wert) {
    return feld.call(this, f, wert).map((m) => deutsch(f, m));
  };
  const instanz = Validator.validateFieldInstance;
  Validator.validateFieldInstance = function (i, wert) {
    const f = this._formFieldRegistry.get(i.id);
    const meldungen = instanz.call(this, i, wert).map((m) => deutsch(f, m));
    const eigene = fehlerDes(this._form).get(i.id);
    // an own message replaces form-js' (e.g. "Pflichtfeld" for a date it never got)
    return eigene ? [eigene] : meldungen;
  };
}

/** "31.02.2026" → null (no such day), "3.3.2026" → Date; only d.m.yyyy is read. */
function datumLesen(text) {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (!m) {
    return null;
  }
  const [tag, monat, jahr] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const datum = new Date(jahr, monat - 1, tag);
  return datum.getFullYear() === jahr && datum.getMonth() === monat - 1 && datum.getDate() === tag ? datum : null;
}

function datumsauswahlAnpassen(inst) {
  inst.config.dateFormat = DATUM_FORMAT;
  inst.input.setAttribute('placeholder', DATUM_PLATZHALTER);
  if (inst.selectedDates.length) {
    inst.input.value = inst.formatDate(inst.selectedDates[0], DATUM_FORMAT);
  }
  const setzen = inst.setDate;
  // flatpickr reads typed text with setDate(string) on Enter, on leaving the field and on a click
  // elsewhere; form-js passes Date objects. A string that is no real date stays as typed.
  inst.setDate = function (datum, ...rest) {
    const form = formularDes(inst.input);
    const feldId = form && feldIdVon(form, inst.input, '-date');
    if (typeof datum !== 'string' || !form || !feldId) {
      if (datum instanceof Date && form && feldId && fehlerDes(form).delete(feldId)) {
        zeigeFehler(form, feldId);
      }
      return setzen.call(this, datum, ...rest);
    }
    const text = datum.trim();
    const gelesen = text === '' ? null : datumLesen(text);
    if (text !== '' && !gelesen) {
      fehlerDes(form).set(feldId, `Kein gültiges Datum: ${text} – bitte als TT.MM.JJJJ eingeben (z. B. 09.03.2026).`);
      zeigeFehler(form, feldId);
      return undefined;
    }
    const warFalsch = fehlerDes(form).delete(feldId);
    const ergebnis = setzen.call(this, gelesen || '', ...rest);
    if (warFalsch) {
      zeigeFehler(form, feldId);
    }
    return ergebnis;
  };
}

function flatpickrAnpassen(flatpickr) {
  if (!flatpickr || typeof flatpickr.localize !== 'function' || flatpickr.__kiDeutsch) {
    return;
  }
  flatpickr.__kiDeutsch = true;
  flatpickr.localize(FLATPICKR_DEUTSCH);
  const bereit = [].concat(flatpickr.defaultConfig.onReady || []);
  flatpickr.setDefaults({
    onReady: [...bereit, function (_daten, _text, inst) { datumsauswahlAnpassen(inst); }]
  });
}

// Number fields: form-js drops a letter without a word ("3a" becomes "3"); say so at the field.
function zahlenfelderBewachen() {
  const zahlenfeld = (ziel) => ziel instanceof HTMLInputElement && ziel.closest('.fjs-form-field-number') ? ziel : null;
  const melden = (eingabe, text, zeichen) => {
    const form = formularDes(eingabe);
    const feldId = form && feldIdVon(form, eingabe, '');
    if (feldId) {
      const nicht = zeichen === text ? 'und wurde nicht übernommen' : `, „${zeichen}“ wurde nicht übernommen`;
      fehlerDes(form).set(feldId, `„${text}“ ist keine Zahl${zeichen === text ? ' ' : ''}${nicht} – hier bitte nur Ziffern eingeben (z. B. 3).`);
      zeigeFehler(form, feldId);
    }
  };
  document.addEventListener('keypress', (e) => {
    const eingabe = zahlenfeld(e.target);
    if (!eingabe || e.key.length !== 1 || /[0-9,.-]/.test(e.key) || eingabe.readOnly) {
      return;
    }
    e.preventDefault();
    const v = eingabe.value;
    melden(eingabe, v.slice(0, eingabe.selectionStart) + e.key + v.slice(eingabe.selectionEnd), e.key);
  }, true);
  document.addEventListener('paste', (e) => {
    const eingabe = zahlenfeld(e.target);
    const text = e.clipboardData ? e.clipboardData.getData('text') : '';
    if (eingabe && text && isNaN(Number(text.trim().replace(',', '.')))) {
      e.preventDefault();
      melden(eingabe, text.trim(), text.trim());
    }
  }, true);
  document.addEventListener('input', (e) => {
    const eingabe = zahlenfeld(e.target);
    const form = eingabe && formularDes(eingabe);
    const feldId = form && feldIdVon(form, eingabe, '');
    // any accepted keystroke is a correction; form-js validates the field again right after
    if (feldId) {
      fehlerDes(form).delete(feldId);
    }
  }, true);
}

// What form-js writes into the page itself ("Select", "Search", placeholders), in German.
function seiteUebersetzen(wurzel) {
  if (!(wurzel instanceof Element)) {
    return;
  }
  const bereich = wurzel.closest('.fjs-container') || wurzel;
  const gang = document.createTreeWalker(bereich, NodeFilter.SHOW_TEXT);
  for (let n = gang.nextNode(); n; n = gang.nextNode()) {
    const t = n.data.trim();
    const deutsch = uebersetzt(t);
    if (deutsch && n.parentElement && n.parentElement.closest('.fjs-container')) {
      n.data = n.data.replace(t, deutsch);
    }
  }
  bereich.querySelectorAll('.fjs-container [placeholder], .fjs-container [aria-label]').forEach((el) => {
    ['placeholder', 'aria-label'].forEach((a) => {
      const wert = el.getAttribute(a);
      const deutsch = wert && uebersetzt(wert);
      if (deutsch) {
        el.setAttribute(a, deutsch);
      }
    });
    if (el.matches('.fjs-datepicker input') && el.getAttribute('placeholder') !== DATUM_PLATZHALTER) {
      el.setAttribute('placeholder', DATUM_PLATZHALTER);
    }
  });
}

function beobachten() {
  const beobachter = new MutationObserver((aenderungen) => {
    const wurzeln = new Set();
    aenderungen.forEach((a) => {
      const el = a.target instanceof Element ? a.target : a.target.parentElement;
      if (el && el.closest('.fjs-container')) {
        wurzeln.add(el.closest('.fjs-container'));
      } else {
        a.addedNodes.forEach((n) => {
          if (n instanceof Element && (n.matches('.fjs-container') || n.querySelector('.fjs-container'))) {
            n.querySelectorAll('.fjs-container').forEach((c) => wurzeln.add(c));
            if (n.matches('.fjs-container')) {
              wurzeln.add(n);
            }
          }
        });
      }
    });
    wurzeln.forEach(seiteUebersetzen);
  });
  beobachter.observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder', 'aria-label']
  });
}

try {
  formJsAnpassen(webpackModule((q) => q.includes('Field must match pattern'), '11306'));
  flatpickrAnpassen(webpackModule((q) => q.includes('firstDayOfWeek:0') && q.includes('flatpickr'), '11731'));
} catch (e) {
  // Tasklist must work even if a Camunda update moved these modules; the server still checks.
  console.warn('formular-deutsch: form-js not adjusted', e);
}
zahlenfelderBewachen();
if (document.body) {
  beobachten();
} else {
  document.addEventListener('DOMContentLoaded', beobachten);
}

export default [];
