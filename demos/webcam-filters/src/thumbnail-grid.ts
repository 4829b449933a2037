import { html, render } from 'lit';
import { createRenderer } from './create-renderer.ts';
import { defaultValues, FILTERS, type FilterDefinition } from './filter-catalogue.ts';
import type { FrameRenderer, FrameSource } from './frame-renderer.ts';

const CATEGORIES = [
  ['colour', 'Colour'],
  ['stylize', 'Stylize'],
  ['warp', 'Warp'],
] as const;

/** Thumbnails are small, and only a few are redrawn per camera frame: the grid stays cheap. */
const THUMBNAIL_SIZE = { width: 160, height: 120 };
const THUMBNAILS_PER_FRAME = 3;

/**
 * The filter grid: a button per filter showing that filter on the live camera. One small
 * renderer draws each thumbnail in turn and copies it into the thumbnail's own 2D canvas.
 */
export class ThumbnailGrid {
  readonly #renderer: FrameRenderer;
  readonly #thumbnails: { filter: FilterDefinition; context: CanvasRenderingContext2D }[] = [];
  #next = 0;

  /** `like` is the page's main renderer: the grid uses the same kind (WebGL 2 or Canvas2D). */
  constructor(
    container: HTMLElement,
    like: FrameRenderer,
    onPick: (filter: FilterDefinition) => void,
  ) {
    const canvas = Object.assign(document.createElement('canvas'), THUMBNAIL_SIZE);
    this.#renderer = createRenderer(canvas, like.kind === 'webgl2' ? 'auto' : 'canvas2d').renderer;
    const button = (filter: FilterDefinition) => {
      const supported = like.supports(filter);
      return html`<button
        type="button"
        class="thumbnail"
        data-filter-id=${filter.id}
        ?disabled=${!supported}
        title=${supported ? `Use ${filter.name}` : `${filter.name} needs WebGL`}
        @click=${() => onPick(filter)}
      >
        <canvas width=${THUMBNAIL_SIZE.width} height=${THUMBNAIL_SIZE.height}></canvas>
        <span>${filter.name}</span>
      </button>`;
    };
    render(
      CATEGORIES.map(
        ([category, title]) =>
          html`<h3>${title}</h3>
            <div class="thumbnails">
              ${FILTERS.filter((filter) => filter.category === category).map(button)}
            </div>`,
      ),
      container,
    );
    for (const filter of FILTERS.filter((candidate) => like.supports(candidate))) {
      const canvas = container.querySelector(`[data-filter-id="${filter.id}"] canvas`)!;
      const context = (canvas as HTMLCanvasElement).getContext('2d')!;
      this.#thumbnails.push({ filter, context });
    }
  }

  /** Redraws the next few thumbnails from `source`, round-robin. Call it once per camera frame. */
  refresh(source: FrameSource): void {
    for (let i = 0; i < Math.min(THUMBNAILS_PER_FRAME, this.#thumbnails.length); i++) {
      const { filter, context } = this.#thumbnails[this.#next]!;
      this.#next = (this.#next + 1) % this.#thumbnails.length;
      this.#renderer.render(source, [{ filter, values: defaultValues(filter) }]);
      // Copied in the same task as the draw, while the WebGL canvas still holds the picture.
      context.drawImage(this.#renderer.canvas, 0, 0);
    }
  }

  /** Outlines the thumbnails of the filters in the chain. */
  select(ids: ReadonlySet<string>): void {
    for (const { filter, context } of this.#thumbnails) {
      context.canvas.parentElement!.setAttribute('aria-pressed', String(ids.has(filter.id)));
    }
  }

  dispose(): void {
    this.#renderer.dispose();
  }
}
