// German by default for every browser (the webapps would otherwise follow the browser's first
// language). English stays available: localStorage.setItem('ki-sprache', 'en') in this browser.
const sprache = window.localStorage && window.localStorage.getItem('ki-sprache') === 'en' ? 'en' : 'de';

export default {
  app: { name: 'Administration', vendor: 'KI Hochsauerlandkreis' },
  locales: { availableLocales: [sprache], fallbackLocale: sprache },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD.MM.YYYY HH:mm',
    normal: 'DD.MM.YYYY HH:mm',
    long: 'dddd, DD.MM.YYYY HH:mm',
    short: 'DD.MM.YYYY'
  },
  disableWelcomeMessage: true
};
