/**
 * The SVG drawn onto a canvas at `scale` × its size and encoded as PNG, with no library: an <img>
 * decodes the SVG (same-origin blob URL; the drawing has no foreignObject or external references,
 * so the canvas is not tainted and can be read back).
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const { width, height } = svgSize(svg) ?? { width: img.naturalWidth, height: img.naturalHeight };
    // Browsers refuse canvases past ~16k pixels a side or ~2^28 pixels: a very large diagram is scaled down to fit.
    const s = Math.min(scale, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * s));
    canvas.height = Math.max(1, Math.round(height * s));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser has no 2D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

/** The width and height attributes buildSvg() writes on the root element. */
function svgSize(svg: string): { width: number; height: number } | undefined {
  const m = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
}
