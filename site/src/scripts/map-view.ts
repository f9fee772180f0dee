// A dependency map wider than the page: its own system is brought into view
// (the page is about it), and a button shows the whole map scaled to the
// page, or back at full size. Without the script the map still scrolls in
// its frame, which says so.
export function enhanceMaps(root: ParentNode = document): void {
  for (const frame of root.querySelectorAll<HTMLElement>('.map-scroll')) {
    const figure = frame.closest('figure');
    if (!figure || frame.scrollWidth <= frame.clientWidth + 1) continue;
    const centre = Number(frame.dataset.centreX);
    if (Number.isFinite(centre) && frame.dataset.centreX) frame.scrollLeft = Math.max(0, centre - frame.clientWidth / 2);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary map-toggle';
    const label = () => (figure.classList.contains('whole') ? 'Visa kartan i full storlek' : 'Visa hela kartan');
    button.textContent = label();
    button.setAttribute('aria-controls', frame.id);
    button.addEventListener('click', () => {
      figure.classList.toggle('whole');
      button.textContent = label();
      if (!figure.classList.contains('whole') && Number.isFinite(centre) && frame.dataset.centreX)
        frame.scrollLeft = Math.max(0, centre - frame.clientWidth / 2);
    });
    frame.before(button);
  }
}
