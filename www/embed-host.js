/*
 * Layoff What-If embed helper for publishers (optional). Include it once on a page that has
 * <iframe ... data-layoff-whatif> embeds; each frame then takes exactly the height of its
 * content. It listens for {type: 'layoff-whatif:height', height} messages and resizes only
 * the iframe whose window sent the message, when that frame carries data-layoff-whatif and
 * the message comes from the frame's own origin. It sends nothing and reads nothing else.
 */
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'layoff-whatif:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 50 || height > 20000) return;
    var frames = document.querySelectorAll('iframe[data-layoff-whatif]');
    for (var i = 0; i < frames.length; i += 1) {
      var frame = frames[i];
      if (!event.source || frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch (error) {
        return;
      }
      if (origin !== event.origin) return;
      frame.style.height = Math.ceil(height) + 'px';
      frame.style.border = '0';
      return;
    }
  });
})();
