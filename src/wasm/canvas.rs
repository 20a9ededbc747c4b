//! The page's canvas backend: plotters' own canvas backend with one change, that consecutive
//! polylines of the same colour and width (the pieces of a dashed line, a run of grid lines)
//! are stroked as one path.
//!
//! plotters-canvas strokes every polyline on its own: it sets the style, begins a path, moves,
//! draws and strokes, each a call into JavaScript. The four charts hold a few hundred short
//! polylines (every dash is one), so those calls were most of a redraw frame. Batching them
//! keeps what is drawn and cuts the calls. Everything else goes to plotters-canvas unchanged.

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The stroke of the open batch: colour (red, green, blue), alpha bits and width.
type StrokeKey = ((u8, u8, u8), u64, u32);

/// A plotters drawing backend for a `<canvas>` that batches polylines (see the module text).
pub struct BatchedCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The stroke of the path being collected, if one is open.
    open: Option<StrokeKey>,
}

/// plotters-canvas's error type (the crate does not name it).
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
type Outcome = Result<(), DrawingErrorKind<CanvasError>>;

impl BatchedCanvas {
    /// Wraps a canvas element; `None` when it has no 2D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Self {
            inner,
            context,
            open: None,
        })
    }

    /// Strokes the collected polylines, if any: before any other drawing, so the order of
    /// what is drawn never changes.
    fn flush(&mut self) {
        if self.open.take().is_some() {
            self.context.stroke();
        }
    }
}

impl DrawingBackend for BatchedCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Outcome {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Outcome {
        self.flush();
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Outcome {
        self.flush();
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Outcome {
        self.flush();
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Outcome {
        self.flush();
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Outcome {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let key: StrokeKey = (color.rgb, color.alpha.to_bits(), style.stroke_width());
        if self.open != Some(key) {
            self.flush();
            let (r, g, b) = color.rgb;
            self.context
                .set_stroke_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
            self.context.set_line_width(f64::from(style.stroke_width()));
            self.context.begin_path();
            self.open = Some(key);
        }
        let mut points = path.into_iter();
        if let Some((x, y)) = points.next() {
            self.context.move_to(f64::from(x), f64::from(y));
            for (x, y) in points {
                self.context.line_to(f64::from(x), f64::from(y));
            }
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Outcome {
        self.flush();
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Outcome {
        self.flush();
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Outcome {
        self.flush();
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.inner.estimate_text_size(text, style)
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Outcome {
        self.flush();
        self.inner.blit_bitmap(pos, size, src)
    }
}
