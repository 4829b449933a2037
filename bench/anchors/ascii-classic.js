// The classic ways to turn a camera into ASCII, for bench/ascii-conversion.ts to measure against
// demos/ascii-camera in the same page. A plain script: it defines `window.asciiClassic`.
//
// - convert/show: the way early ASCII cameras did it. Read the FULL frame with getImageData,
//   average every pixel of each cell in JavaScript, concatenate the HTML one character at a
//   time, and hand it to innerHTML with a <br> after each row.
// - spans: colour the classic way, one <span style="color: …"> per character.
// - atlas: the canvas the demo measured and did not pick: each cell copied from a glyph atlas.
'use strict';

window.asciiClassic = (() => {
  const frameCanvas = new OffscreenCanvas(640, 480);
  const frameContext = frameCanvas.getContext('2d', { willReadFrequently: true });

  /** `source` (640 × 480) → HTML: `rows` lines of `columns` characters, ending in <br>. */
  function convert(source, columns, rows, ramp) {
    const width = frameCanvas.width;
    const height = frameCanvas.height;
    frameContext.drawImage(source, 0, 0, width, height);
    const pixels = frameContext.getImageData(0, 0, width, height).data;
    let html = '';
    for (let row = 0; row < rows; row++) {
      const top = Math.floor((row * height) / rows);
      const bottom = Math.floor(((row + 1) * height) / rows);
      for (let column = 0; column < columns; column++) {
        const left = Math.floor((column * width) / columns);
        const right = Math.floor(((column + 1) * width) / columns);
        let sum = 0;
        for (let y = top; y < bottom; y++) {
          for (let x = left; x < right; x++) {
            const offset = (y * width + x) * 4;
            sum += 0.299 * pixels[offset] + 0.587 * pixels[offset + 1] + 0.114 * pixels[offset + 2];
          }
        }
        const brightness = sum / ((bottom - top) * (right - left)) / 255;
        html += ramp[Math.min(ramp.length - 1, Math.floor(brightness * ramp.length))];
      }
      html += '<br>';
    }
    return html;
  }

  function show(target, html) {
    target.innerHTML = html;
  }

  /** One span per character, coloured with its cell's RGBA (`colors`, as the demo gives them). */
  function spans(target, text, colors) {
    let html = '';
    let cell = 0;
    for (const char of text) {
      if (char === '\n') {
        html += '<br>';
        continue;
      }
      const p = cell++ * 4;
      const escaped = char === '<' ? '&lt;' : char === '&' ? '&amp;' : char === '>' ? '&gt;' : char;
      html += `<span style="color: rgb(${colors[p]}, ${colors[p + 1]}, ${colors[p + 2]})">${escaped}</span>`;
    }
    target.innerHTML = html;
  }

  /** A canvas drawn cell by cell from a glyph atlas (white glyphs), coloured like the demo's. */
  function createAtlasCanvas(canvas, cellWidth = 8, cellHeight = 16) {
    const context = canvas.getContext('2d');
    const atlas = new OffscreenCanvas(1, cellHeight);
    const atlasContext = atlas.getContext('2d');
    const slots = new Map();
    const tint = new OffscreenCanvas(1, 1);
    const glyph = (code) => {
      if (slots.has(code)) return slots.get(code);
      const copy = atlas.transferToImageBitmap();
      atlas.width = (slots.size + 1) * cellWidth;
      atlasContext.drawImage(copy, 0, 0);
      atlasContext.font = '13px ui-monospace, "DejaVu Sans Mono", monospace';
      atlasContext.fillStyle = '#fff';
      atlasContext.textBaseline = 'middle';
      atlasContext.fillText(String.fromCharCode(code), slots.size * cellWidth, cellHeight / 2);
      slots.set(code, slots.size);
      return slots.size - 1;
    };
    return function draw(text, columns, rows, colors) {
      canvas.width = columns * cellWidth;
      canvas.height = rows * cellHeight;
      let column = 0;
      let row = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 10) {
          row++;
          column = 0;
          continue;
        }
        const x = glyph(code) * cellWidth;
        context.drawImage(
          atlas,
          x,
          0,
          cellWidth,
          cellHeight,
          column++ * cellWidth,
          row * cellHeight,
          cellWidth,
          cellHeight,
        );
      }
      context.globalCompositeOperation = 'source-in';
      if (colors) {
        tint.width = columns;
        tint.height = rows;
        tint.getContext('2d').putImageData(new ImageData(colors, columns, rows), 0, 0);
        context.imageSmoothingEnabled = false;
        context.drawImage(tint, 0, 0, canvas.width, canvas.height);
      } else {
        context.fillStyle = '#e6edf3';
        context.fillRect(0, 0, canvas.width, canvas.height);
      }
      context.globalCompositeOperation = 'destination-over';
      context.fillStyle = '#0d1117';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.globalCompositeOperation = 'source-over';
    };
  }

  return { convert, show, spans, createAtlasCanvas };
})();
