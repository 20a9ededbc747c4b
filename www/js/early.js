// Runs before the body is painted (a classic script in the head): marks <html> with the
// layout the address asks for, so the page's first paint already has the embed's or the
// presentation's layout and nothing jumps when the modules arrive. embed.js and teach.js
// still decide and announce what the address means; they only confirm or undo these marks.
(() => {
  const query = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const root = document.documentElement;
  if (query.get('embed') === '1') {
    root.classList.add('is-embed');
    // Room for the sliders the address names (style.css keeps the default's when it names
    // none), and none for the savings chart when the chosen charts leave it out.
    const controls = query.get('controls');
    if (controls !== null) {
      const names = ['none', '0'].includes(controls) ? [] : controls.split(',').filter((n) => n.trim());
      root.style.setProperty('--embed-controls', String(names.filter((n) => n !== 'presets' && n !== 'depth').length));
      for (const special of ['presets', 'depth']) if (names.includes(special)) root.classList.add(`embed-${special}`);
    }
    const charts = query.get('charts');
    const chartNames = charts === null ? [] : charts.split(',').map((n) => n.trim());
    if (charts !== null && !chartNames.includes('savings')) root.classList.add('embed-no-hero');
    const more = chartNames.filter((n) => n && n !== 'savings').length;
    if (more) {
      root.classList.add('embed-more-charts');
      root.style.setProperty('--embed-more-charts', String(more));
    }
  }
  if (query.get('present') === '1' || fragment.get('present') === '1') root.classList.add('is-presenting');
})();
