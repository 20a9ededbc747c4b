// The second wasm module (www/pkg/layoff_whatif_charts.js): the tornado and regret-map charts
// and every chart as an SVG document. The page's first chart never waits for it: it loads
// once, when a reader comes near the analyses or asks for an SVG, and later calls reuse it.
//
// API: loadChartsModule() -> Promise of the module's functions (rejects with the load error;
// a later call tries again), chartsModule() -> the functions once loaded, else null.

let loading = null;
let loaded = null;

export function loadChartsModule() {
  if (!loading) {
    loading = import('../pkg/layoff_whatif_charts.js').then(async (module) => {
      await module.default();
      loaded = module;
      return module;
    });
    // A failed load (network, policy) may succeed on the reader's next try.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

export function chartsModule() {
  return loaded;
}
