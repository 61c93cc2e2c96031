// German by default for every browser (the webapps would otherwise follow the browser's first
// language). English stays available: localStorage.setItem('ki-sprache', 'en') in this browser.
const sprache = window.localStorage && window.localStorage.getItem('ki-sprache') === 'en' ? 'en' : 'de';

export default {
  app: { name: 'Aufgaben', vendor: 'KI Hochsauerlandkreis' },
  locales: { availableLocales: [sprache], fallbackLocale: sprache },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD.MM.YYYY HH:mm',
    normal: 'DD.MM.YYYY HH:mm',
    long: 'dddd, DD.MM.YYYY HH:mm',
    short: 'DD.MM.YYYY'
  },
  disableWelcomeMessage: true,
  // The county's Tasklist additions (scripts/ki/*.js, ES modules; each may export plugins).
  customScripts: ['scripts/ki/oberflaeche', 'scripts/ki/formular-deutsch', 'scripts/ki/entwuerfe', 'scripts/ki/aufgabenliste', 'scripts/ki/vorgaenge'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'Ausgewählte Aufgabe übernehmen' },
    focusFilter: { key: 'ctrl+shift+f', description: 'Fokus auf den ersten Filter' },
    focusList: { key: 'ctrl+alt+l', description: 'Fokus auf die erste Aufgabe der Liste' },
    focusForm: { key: 'ctrl+alt+f', description: 'Fokus auf das erste Feld des Formulars' },
    startProcess: { key: 'ctrl+alt+p', description: 'Dialog „Prozess starten“ öffnen' }
  }
};
