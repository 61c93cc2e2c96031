// Tasklist additions for the working list (issue 19, points 6 to 8): sorting by due date, counts on
// every filter, overdue cards marked, a readable urgency instead of the bare priority, one button to
// take over an unclaimed task. Loaded through config.js customScripts; the look is in aufgabenliste.css.

const API = (() => {
  const m = window.location.pathname.match(/^(.*)\/app\/tasklist\/([\w-]+)/);
  return m ? `${m[1]}/api/engine/engine/${m[2]}` : '/camunda/api/engine/engine/default';
})();

const stil = document.createElement('link');
stil.rel = 'stylesheet';
stil.href = new URL('aufgabenliste.css', import.meta.url).href;
document.head.appendChild(stil);

// The list people work from is sorted by deadline, the oldest first; Tasklist's default is the
// creation date. A sorting the person chose stays in the address and is left alone.
const NACH_FRIST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function sortierungSetzen() {
  // before Tasklist has routed (no hash yet) it is left alone; the hashchange that follows comes here again
  const hash = window.location.hash;
  if (!hash.startsWith('#/')) {
    return;
  }
  const [pfad, suche = ''] = hash.slice(1).split('?');
  if (pfad !== '/' && pfad !== '') {
    return;
  }
  const parameter = new URLSearchParams(suche);
  if (parameter.has('sorting')) {
    return;
  }
  parameter.set('sorting', NACH_FRIST);
  window.location.replace('#/?' + parameter.toString());
}

// Tasklist shows the count of the open filter only; the others get theirs the way Tasklist counts
// (the filter with active tasks only, POST /filter/{id}/count), every 10 s while the page is visible.
function xsrf() {
  const eintrag = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return eintrag ? decodeURIComponent(eintrag.substring('XSRF-TOKEN='.length)) : '';
}

let zaehlenLaeuft = false;
// From "Abmelden" until the next login no count is asked (it would only be refused without a session).
let abgemeldet = false;
let laufend = null;
document.addEventListener('click', (ereignis) => {
  const knopf = ereignis.target instanceof Element ? ereignis.target.closest('a, button') : null;
  if (!knopf) {
    return;
  }
  if (knopf.matches('[ng-click="logout()"]') || knopf.textContent.trim() === 'Abmelden') {
    abgemeldet = true;
    if (laufend) {
      laufend.abort();
    }
  } else if (knopf.matches('button[type=submit]') && document.querySelector('input[type=password]')) {
    abgemeldet = false;
  }
}, true);

async function zaehlen() {
  if (abgemeldet || !document.querySelector('.task-filter') || document.querySelector('input[type=password]')
      || zaehlenLaeuft || document.hidden) {
    return;
  }
  zaehlenLaeuft = true;
  laufend = new AbortController();
  const signal = laufend.signal;
  try {
    const antwort = await fetch(`${API}/filter?resourceType=Task`,
      { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal });
    if (!antwort.ok) {
      return;
    }
    const anzahl = new Map();
    for (const filter of await antwort.json()) {
      if (abgemeldet) {
        return;
      }
      const zahl = await fetch(`${API}/filter/${encodeURIComponent(filter.id)}/count`, {
        method: 'POST', credentials: 'same-origin', signal,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf() },
        body: JSON.stringify({ active: true })
      });
      if (zahl.ok) {
        anzahl.set(filter.name, (await zahl.json()).count);
      }
    }
    for (const element of document.querySelectorAll('.task-filter h4.name a')) {
      const name = Array.from(element.childNodes).filter(n => n.nodeType === Node.TEXT_NODE)
        .map(n => n.textContent).join('').trim();
      if (!anzahl.has(name)) {
        continue;
      }
      let span = element.querySelector('.ki-anzahl');
      if (!span) {
        span = document.createElement('span');
        span.className = 'ki-anzahl';
        element.appendChild(span);
      }
      span.textContent = String(anzahl.get(name));
    }
  } catch (e) {
    // counts are a help; the list itself still works
  } finally {
    zaehlenLaeuft = false;
  }
}

// The priority means something only when the process raised it: above 50 the card says "dringend".
function prioritaetenZeigen() {
  for (const element of document.querySelectorAll('li.task .priority')) {
    const wert = parseInt(element.textContent, 10);
    element.toggleAttribute('data-ki-dringend', wert > 50);
  }
}

// An unclaimed task's form is greyed out; one clear button above it takes the task over
// (Tasklist's own claim, so the form is enabled as after "Diese Aufgabe übernehmen").
function uebernehmenAnbieten() {
  const formular = document.querySelector('.disabled-form');
  const uebernehmen = document.querySelector('[cam-tasklist-task-meta] button.claim');
  const leiste = document.querySelector('.ki-uebernehmen');
  if (!formular || !uebernehmen) {
    if (leiste) {
      leiste.remove();
    }
    return;
  }
  if (leiste && leiste.nextElementSibling === formular) {
    return;
  }
  if (leiste) {
    leiste.remove();
  }
  const neu = document.createElement('div');
  neu.className = 'ki-uebernehmen';
  const text = document.createElement('span');
  text.textContent = 'Diese Aufgabe hat noch niemand übernommen. Zum Bearbeiten übernehmen Sie sie.';
  const knopf = document.createElement('button');
  knopf.type = 'button';
  knopf.className = 'btn btn-primary ki-uebernehmen-knopf';
  knopf.textContent = 'Aufgabe übernehmen und bearbeiten';
  knopf.addEventListener('click', () => {
    const claim = document.querySelector('[cam-tasklist-task-meta] button.claim');
    if (claim) {
      claim.click();
    }
  });
  neu.append(text, knopf);
  formular.parentNode.insertBefore(neu, formular);
}

let geplant = false;
function nachAenderung() {
  if (geplant) {
    return;
  }
  geplant = true;
  window.requestAnimationFrame(() => {
    geplant = false;
    prioritaetenZeigen();
    uebernehmenAnbieten();
    if (document.querySelector('.task-filter h4.name a') && !document.querySelector('.task-filter .ki-anzahl')) {
      zaehlen();
    }
  });
}

sortierungSetzen();
window.addEventListener('hashchange', () => {
  sortierungSetzen();
  zaehlen();
});
new MutationObserver(nachAenderung).observe(document.documentElement, { childList: true, subtree: true });
// Tasklist refreshes its list every 10 s ("refresh" filters); the counts follow
window.setInterval(zaehlen, 10000);

export default [];
