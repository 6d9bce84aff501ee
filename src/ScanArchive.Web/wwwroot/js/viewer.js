// The review screen's page viewer: one <img> and one SVG overlay inside a "stage" that is moved and scaled with a
// CSS transform (no canvas redraws, no tiles), so zoom and pan stay smooth on a 300-dpi A4 scan (2480×3508).
// Overlays are in image pixels (the SVG's viewBox is the image's size): recognized words (low-confidence ones
// tinted), the active field's evidence box, the QC problem (cut-off edges). Text from OCR only ever reaches the
// page through textContent, never as markup.

const SVG = "http://www.w3.org/2000/svg";
const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
const ZOOM_STEP = 1.25;
const PAN_STEP = 80; // screen pixels per arrow key
const DRAG_THRESHOLD = 4; // screen pixels before a press becomes a pan or a box
const LOW_CONFIDENCE = 60; // word confidence (0-100) below which a word is tinted
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

function svg(name, attributes) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes ?? {})) {
        element.setAttribute(key, String(value));
    }
    return element;
}

function rect(box, cls) {
    return svg("rect", { x: box[0], y: box[1], width: box[2], height: box[3], class: cls });
}

/** Joins picked words in reading order: no space inside Chinese text, one space between Latin words. */
export function joinWords(words) {
    let text = "";
    for (const word of words) {
        const piece = (word.text ?? "").trim();
        if (!piece) continue;
        if (text && !(CJK.test(text.at(-1)) || CJK.test(piece[0]))) text += " ";
        text += piece;
    }
    return text;
}

class Viewer {
    constructor(host, dotnet) {
        this.host = host;
        this.dotnet = dotnet;
        this.scale = 1;
        this.x = 0;
        this.y = 0;
        this.width = 0;
        this.height = 0;
        this.words = [];
        this.anchor = -1;
        this.drawMode = false;
        this.fit = "width";

        host.replaceChildren();
        host.classList.add("viewer");
        host.tabIndex = -1;
        this.stage = document.createElement("div");
        this.stage.className = "viewer-stage";
        this.img = document.createElement("img");
        this.img.className = "viewer-image";
        this.img.alt = "";
        this.img.decoding = "async";
        this.img.draggable = false;
        this.overlay = svg("svg", { class: "viewer-overlay", "data-testid": "viewer-overlay" });
        this.qcLayer = svg("g", { class: "qc" });
        this.wordLayer = svg("g", { class: "words" });
        this.evidenceLayer = svg("g", { class: "evidence-layer" });
        this.boxLayer = svg("g", { class: "draw-layer" });
        this.overlay.append(this.qcLayer, this.wordLayer, this.evidenceLayer, this.boxLayer);
        this.stage.append(this.img, this.overlay);
        this.banner = document.createElement("div");
        this.banner.className = "viewer-banner";
        this.banner.dataset.testid = "viewer-qc";
        this.banner.hidden = true;
        host.append(this.stage, this.banner);

        this.onPointerDown = this.pointerDown.bind(this);
        this.onPointerMove = this.pointerMove.bind(this);
        this.onPointerUp = this.pointerUp.bind(this);
        this.onWheel = this.wheel.bind(this);
        this.onResize = () => this.refit();
        host.addEventListener("pointerdown", this.onPointerDown);
        host.addEventListener("wheel", this.onWheel, { passive: false });
        this.resizeObserver = new ResizeObserver(this.onResize);
        this.resizeObserver.observe(host);
    }

    /**
     * Shows a page. page = { pageId, imageUrl, wordsUrl, width, height, qc: { verdict, message, cutOffSides[] },
     * evidence, next, previous } where next and previous are the neighbours' own specs (without theirs).
     * Resolves once the image is decoded and the words are drawn (the screen marks itself ready then).
     * The same page again (the server confirming a switch the viewer already made) only updates the overlays and
     * the neighbours: the image is not loaded twice.
     */
    async show(page) {
        if (this.page && page.pageId === this.page.pageId && page.imageUrl === this.page.imageUrl) {
            // Mutated, not replaced: a load still under way for this page must still find itself current.
            Object.assign(this.page, { qc: page.qc, evidence: page.evidence, next: page.next, previous: page.previous });
            this.drawQc(page.qc);
            this.setEvidence(page.evidence);
            this.prefetch([page.next, page.previous]);
            this.markNeighbours();
            return this.loading ?? true;
        }
        this.loading = this.load(page);
        return this.loading;
    }

    /**
     * Shows the next or previous page at once from what was fetched ahead, before the server has heard of the key
     * (it follows with show() for the same page, which then only completes the overlays). Returns false when that
     * neighbour is not known, so that the caller leaves the switch to the server.
     */
    step(direction, keyTime) {
        const spec = direction === "next" ? this.page?.next : direction === "previous" ? this.page?.previous : null;
        if (!spec) return false;
        this.stepAt = keyTime ?? performance.now();
        this.loading = this.load({ ...spec, next: null, previous: null });
        return true;
    }

    async load(page) {
        this.page = page;
        this.width = page.width || 1;
        this.height = page.height || 1;
        this.words = [];
        this.anchor = -1;
        this.overlay.setAttribute("viewBox", `0 0 ${this.width} ${this.height}`);
        this.overlay.setAttribute("width", this.width);
        this.overlay.setAttribute("height", this.height);
        this.stage.style.width = `${this.width}px`;
        this.stage.style.height = `${this.height}px`;
        this.wordLayer.replaceChildren();
        this.boxLayer.replaceChildren();
        this.drawQc(page.qc);
        this.setEvidence(page.evidence);
        this.host.dataset.pageId = page.pageId ?? "";
        this.host.dataset.loaded = "false";
        this.markNeighbours();
        this.refit();

        const image = this.swapInPrefetched(page.imageUrl) ? Promise.resolve(true) : new Promise(resolve => {
            this.img.onload = () => resolve(true);
            this.img.onerror = () => resolve(false);
            this.img.dataset.url = page.imageUrl;
            this.img.src = page.imageUrl;
        });
        const [loaded] = await Promise.all([image, this.loadWords(page.wordsUrl, page.imageUrl)]);
        if (this.page !== page) return false; // another page was asked for meanwhile
        if (page.next || page.previous) this.prefetch([page.next, page.previous]);
        // How long from the key press to the first frame that shows the page (read by bench/review.sh).
        if (this.stepAt !== undefined) {
            const at = this.stepAt;
            requestAnimationFrame(() => setTimeout(() => {
                if (this.page === page) this.host.dataset.switchMs = String(Math.round(performance.now() - at));
            }));
        }
        this.stepAt = undefined;
        this.host.dataset.loaded = loaded ? "true" : "failed";
        return loaded;
    }

    /** Which pages PageDown and PageUp would show at once (empty: the server decides). */
    markNeighbours() {
        this.host.dataset.next = this.page?.next?.pageId ?? "";
        this.host.dataset.previous = this.page?.previous?.pageId ?? "";
    }

    /**
     * Puts the image element that was decoded ahead for url in place of the shown one (a new src on the same element
     * would decode the 300-dpi scan again). False when there is none ready.
     */
    swapInPrefetched(url) {
        const ready = this.prefetched?.find(i => i.dataset.url === url && i.complete && i.naturalWidth > 0);
        if (!ready) return false;
        this.prefetched = this.prefetched.filter(i => i !== ready);
        ready.className = this.img.className;
        ready.alt = "";
        ready.draggable = false;
        this.img.onload = this.img.onerror = null;
        this.img.replaceWith(ready);
        // The page left behind is kept decoded: it is the neighbour the other way.
        this.prefetched.push(this.img);
        this.img = ready;
        return true;
    }

    /** The words of a page: fetched once per page image (its address names the revision), kept for the neighbours. */
    fetchWords(url, imageUrl) {
        this.wordCache ??= new Map();
        const key = imageUrl ?? url;
        let words = this.wordCache.get(key);
        if (!words) {
            words = fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
                .then(r => (r.ok ? r.json() : null))
                .catch(() => null);
            this.wordCache.set(key, words);
            words.then(w => { if (!Array.isArray(w)) this.wordCache.delete(key); });
            // A few pages around the current one are enough.
            while (this.wordCache.size > 8) this.wordCache.delete(this.wordCache.keys().next().value);
        }
        return words;
    }

    /** The pages next to this one, loaded and decoded ahead, so that PageDown/PageUp show them at once. */
    prefetch(pages) {
        const wanted = (pages ?? []).filter(p => p?.imageUrl);
        const kept = (this.prefetched ?? []).filter(i => wanted.some(p => p.imageUrl === i.dataset.url));
        this.prefetched = wanted.map(p => {
            if (p.wordsUrl) this.fetchWords(p.wordsUrl, p.imageUrl);
            const known = kept.find(i => i.dataset.url === p.imageUrl);
            if (known) return known;
            const image = new Image();
            image.decoding = "async";
            image.dataset.url = p.imageUrl;
            image.src = p.imageUrl;
            image.decode?.().catch(() => {});
            return image;
        });
    }

    async loadWords(url, imageUrl) {
        if (!url) return;
        const page = this.page;
        try {
            const words = await this.fetchWords(url, imageUrl);
            if (this.page !== page || !Array.isArray(words)) return;
            this.drawWords(words);
        } catch {
            // No words: the page can still be reviewed by typing.
        }
    }

    drawWords(words) {
        this.words = words;
        const fragment = document.createDocumentFragment();
        words.forEach((word, index) => {
            if (!Array.isArray(word.box)) return;
            const low = (word.confidence ?? 100) < LOW_CONFIDENCE;
            const r = rect(word.box, low ? "word low" : "word");
            r.dataset.index = String(index);
            r.dataset.testid = "viewer-word";
            const title = svg("title");
            title.textContent = `${word.text} (${Math.round(word.confidence ?? 0)})`;
            r.append(title);
            fragment.append(r);
            for (const ch of word.chars ?? []) {
                if (Array.isArray(ch.box) && (ch.confidence ?? 100) < LOW_CONFIDENCE) {
                    fragment.append(rect(ch.box, "char low"));
                }
            }
        });
        this.wordLayer.replaceChildren(fragment);
        this.host.dataset.words = String(words.length);
    }

    drawQc(qc) {
        this.qcLayer.replaceChildren();
        const band = Math.max(12, Math.round(Math.min(this.width, this.height) * 0.02));
        for (const side of qc?.cutOffSides ?? []) {
            const s = String(side).toLowerCase();
            const box = s === "top" ? [0, 0, this.width, band]
                : s === "bottom" ? [0, this.height - band, this.width, band]
                : s === "left" ? [0, 0, band, this.height]
                : s === "right" ? [this.width - band, 0, band, this.height] : null;
            if (box) this.qcLayer.append(rect(box, "cut"));
        }
        if (qc?.message && qc.verdict && qc.verdict !== "pass") {
            this.banner.textContent = qc.message;
            this.banner.className = `viewer-banner verdict-${qc.verdict}`;
            this.banner.hidden = false;
        } else {
            this.banner.hidden = true;
        }
    }

    /** Outlines the active field's evidence (image pixels) and brings it into view; null clears it. */
    setEvidence(box) {
        this.evidenceLayer.replaceChildren();
        if (!Array.isArray(box) || box.length !== 4 || box[2] <= 0 || box[3] <= 0) return;
        const pad = 6;
        this.evidenceLayer.append(rect([box[0] - pad, box[1] - pad, box[2] + 2 * pad, box[3] + 2 * pad], "evidence"));
        this.reveal(box);
    }

    reveal(box) {
        const view = this.host.getBoundingClientRect();
        const left = this.x + box[0] * this.scale, top = this.y + box[1] * this.scale;
        const right = left + box[2] * this.scale, bottom = top + box[3] * this.scale;
        if (left >= 0 && top >= 0 && right <= view.width && bottom <= view.height) return;
        this.x += view.width / 2 - (left + right) / 2;
        this.y += view.height / 2 - (top + bottom) / 2;
        this.apply();
    }

    setFit(mode) {
        this.fit = mode;
        this.refit();
    }

    refit() {
        const view = this.host.getBoundingClientRect();
        if (!view.width || !view.height || !this.width) return;
        const byWidth = view.width / this.width;
        this.scale = this.fit === "page" ? Math.min(byWidth, view.height / this.height) : byWidth;
        this.x = (view.width - this.width * this.scale) / 2;
        this.y = this.fit === "page" ? (view.height - this.height * this.scale) / 2 : 0;
        this.apply();
    }

    zoom(factor, cx, cy) {
        const view = this.host.getBoundingClientRect();
        const px = cx ?? view.width / 2, py = cy ?? view.height / 2;
        const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.scale * factor));
        this.x = px - (px - this.x) * (next / this.scale);
        this.y = py - (py - this.y) * (next / this.scale);
        this.scale = next;
        this.fit = "free";
        this.apply();
    }

    zoomIn() { this.zoom(ZOOM_STEP); }
    zoomOut() { this.zoom(1 / ZOOM_STEP); }

    pan(dx, dy) {
        this.x += dx;
        this.y += dy;
        this.apply();
    }

    panKey(direction) {
        const steps = { left: [PAN_STEP, 0], right: [-PAN_STEP, 0], up: [0, PAN_STEP], down: [0, -PAN_STEP] };
        const [dx, dy] = steps[direction] ?? [0, 0];
        this.pan(dx, dy);
    }

    apply() {
        this.stage.style.transform = `translate(${this.x}px, ${this.y}px) scale(${this.scale})`;
        this.host.dataset.scale = this.scale.toFixed(3);
    }

    setDrawMode(on) {
        this.drawMode = on;
        this.host.classList.toggle("drawing", on);
        this.host.dataset.draw = String(on);
    }

    toImage(event) {
        const view = this.host.getBoundingClientRect();
        return [(event.clientX - view.left - this.x) / this.scale, (event.clientY - view.top - this.y) / this.scale];
    }

    pointerDown(event) {
        if (event.button !== 0) return;
        this.host.focus({ preventScroll: true });
        this.press = { x: event.clientX, y: event.clientY, ox: this.x, oy: this.y, moved: false, start: this.toImage(event),
            draw: this.drawMode || event.ctrlKey || event.altKey, shift: event.shiftKey, target: event.target };
        this.host.setPointerCapture(event.pointerId);
        this.host.addEventListener("pointermove", this.onPointerMove);
        this.host.addEventListener("pointerup", this.onPointerUp);
        event.preventDefault();
    }

    pointerMove(event) {
        const press = this.press;
        if (!press) return;
        const dx = event.clientX - press.x, dy = event.clientY - press.y;
        if (!press.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        press.moved = true;
        if (press.draw) {
            const [x, y] = this.toImage(event);
            press.box = this.normalize(press.start, [x, y]);
            this.boxLayer.replaceChildren(rect(press.box, "drawn"));
        } else {
            this.x = press.ox + dx;
            this.y = press.oy + dy;
            this.apply();
        }
    }

    pointerUp(event) {
        const press = this.press;
        this.press = null;
        this.host.removeEventListener("pointermove", this.onPointerMove);
        this.host.removeEventListener("pointerup", this.onPointerUp);
        if (this.host.hasPointerCapture(event.pointerId)) this.host.releasePointerCapture(event.pointerId);
        if (!press) return;
        if (press.moved && press.draw && press.box && press.box[2] > 2 && press.box[3] > 2) {
            this.setDrawMode(false);
            this.dotnet?.invokeMethodAsync("BoxDrawn", press.box);
            return;
        }
        if (!press.moved) {
            const hit = document.elementFromPoint(event.clientX, event.clientY);
            const index = hit?.dataset?.index;
            if (index !== undefined && hit.closest(".words")) this.pick(Number(index), press.shift);
        }
    }

    normalize(a, b) {
        const x = Math.max(0, Math.min(a[0], b[0])), y = Math.max(0, Math.min(a[1], b[1]));
        const right = Math.min(this.width, Math.max(a[0], b[0])), bottom = Math.min(this.height, Math.max(a[1], b[1]));
        return [Math.round(x), Math.round(y), Math.round(right - x), Math.round(bottom - y)];
    }

    /** Picks a word; with Shift, every word from the first pick to this one, in reading order. */
    pick(index, extend) {
        if (!extend || this.anchor < 0) this.anchor = index;
        const from = Math.min(this.anchor, index), to = Math.max(this.anchor, index);
        const picked = this.words.slice(from, to + 1);
        for (const r of this.wordLayer.querySelectorAll("rect.word")) {
            const i = Number(r.dataset.index);
            r.classList.toggle("picked", i >= from && i <= to);
        }
        this.dotnet?.invokeMethodAsync("WordsPicked", joinWords(picked));
    }

    wheel(event) {
        event.preventDefault();
        if (event.ctrlKey) {
            const view = this.host.getBoundingClientRect();
            this.zoom(event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, event.clientX - view.left, event.clientY - view.top);
        } else {
            this.pan(event.shiftKey ? -event.deltaY : -event.deltaX, event.shiftKey ? 0 : -event.deltaY);
        }
    }

    dispose() {
        this.resizeObserver.disconnect();
        this.host.removeEventListener("pointerdown", this.onPointerDown);
        this.host.removeEventListener("wheel", this.onWheel);
        this.host.replaceChildren();
        this.dotnet = null;
    }
}

/** Creates a viewer in host; dotnet receives WordsPicked(text) and BoxDrawn([x, y, w, h]). */
export function create(host, dotnet) {
    return new Viewer(host, dotnet);
}
