// Wide tables: a sign that they scroll sideways, and keyboard focus so they can be scrolled
// without a mouse (axe: scrollable-region-focusable). Marks each scrolling box (Material's
// .md-typeset__scrollwrap around Markdown tables, the explorer's .atlas-explorer-scroll) with
// .atlas-scrolls and a hint from window.ATLAS_STRINGS ("js.tables_scroll"); atlas.css shows the
// hint and fades the right edge (.atlas-scrolls--end once scrolled to the end).
(function () {
  const BOXES = ".md-typeset__scrollwrap, .atlas-explorer-scroll";
  const hint = (window.ATLAS_STRINGS || {})["tables_scroll"] || "";

  function end(box) {
    box.classList.toggle("atlas-scrolls--end", box.scrollLeft + box.clientWidth >= box.scrollWidth - 1);
  }

  function mark() {
    for (const box of document.querySelectorAll(BOXES)) {
      const wide = box.scrollWidth > box.clientWidth + 1;
      if (wide === box.classList.contains("atlas-scrolls")) continue;
      box.classList.toggle("atlas-scrolls", wide);
      if (wide) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", hint);
        box.dataset.atlasHint = hint;
        end(box);
        if (!box.dataset.atlasWatched) {
          box.dataset.atlasWatched = "1";
          box.addEventListener("scroll", () => end(box), { passive: true });
        }
      } else {
        for (const name of ["tabindex", "role", "aria-label", "data-atlas-hint"]) box.removeAttribute(name);
      }
    }
  }

  // Material wraps tables once its own script has run (document$); the explorer fills its table later.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(() => setTimeout(mark, 0));
  window.addEventListener("load", mark);
  window.addEventListener("resize", mark);
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; mark(); });
  }).observe(document.body, { childList: true, subtree: true });
})();
