// The responsible caseworker of the open task's case (issue 17): one line "Fallverantwortlich: …"
// under the task's header, from /ki/zustaendigkeit/aufgabe/{id} (KI staff only; others get no line).

// asked once per opened task; the answer (a text or null) is kept while the task stays open, so a
// redraw of Tasklist's header only puts the line back
let fuerAufgabe = null;
let text = null;

function aufgabeAusAdresse() {
  const suche = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(suche).get('task');
}

function einsetzen() {
  const kopf = document.querySelector('[cam-tasklist-task-meta]');
  const zeile = document.querySelector('.ki-fallverantwortung');
  if (!text || !kopf) {
    if (zeile) {
      zeile.remove();
    }
    return;
  }
  if (zeile && zeile.previousElementSibling === kopf && zeile.textContent === text) {
    return;
  }
  if (zeile) {
    zeile.remove();
  }
  const neu = document.createElement('p');
  neu.className = 'ki-fallverantwortung';
  neu.textContent = text;
  kopf.parentNode.insertBefore(neu, kopf.nextSibling);
}

async function zeigen() {
  const aufgabe = aufgabeAusAdresse();
  if (aufgabe !== fuerAufgabe) {
    fuerAufgabe = aufgabe;
    text = null;
    einsetzen();
    if (!aufgabe) {
      return;
    }
    try {
      const antwort = await fetch(`/ki/zustaendigkeit/aufgabe/${encodeURIComponent(aufgabe)}`,
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      const auskunft = antwort.ok ? await antwort.json() : null;
      if (auskunft && auskunft.fallverantwortlich && fuerAufgabe === aufgabe) {
        text = `Fallverantwortlich: ${auskunft.fallverantwortlich}`
          + (auskunft.vertretung ? ` (abwesend, vertreten durch ${auskunft.vertretung})` : '');
      }
    } catch (e) {
      // a help only; the task works without it
    }
  }
  einsetzen();
}

let geplant = false;
new MutationObserver(() => {
  if (geplant) {
    return;
  }
  geplant = true;
  window.requestAnimationFrame(() => {
    geplant = false;
    zeigen();
  });
}).observe(document.documentElement, { childList: true, subtree: true });
window.addEventListener('hashchange', zeigen);

export default [];
