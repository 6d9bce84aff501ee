// Keyboard-first review. The keys live in the markup: every button that has a shortcut carries
// data-shortcut="KEY" (KEY is KeyboardEvent.key: "a", "A" for Shift+A, "?", "[", "PageDown", "Enter", "Escape")
// and prints it on its face, so the help dialog, the buttons and this module cannot disagree. A key press clicks
// the enabled button with that key in the open dialog, or else on the screen outside dialogs. Field inputs
// (data-field-input="KEY") keep their letters for typing: there Enter confirms, Tab/Shift+Tab move between fields,
// Escape leaves the field so that letters act on the page again. Arrow keys pan the viewer.

const PAN = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };
const FIELD_KEYS = new Set(["PageDown", "PageUp"]);
// Page keys the viewer answers at once from the pages it fetched ahead; the server follows with the rest.
const PAGE_STEPS = { PageDown: "next", PageUp: "previous" };

function editable(element) {
    if (!element) return false;
    const tag = element.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || element.isContentEditable;
}

function cssEscape(text) {
    return window.CSS?.escape ? CSS.escape(text) : text.replace(/["\\]/g, "\\$&");
}

class Shortcuts {
    constructor(root, dotnet, viewer) {
        this.root = root;
        this.dotnet = dotnet;
        this.viewer = viewer;
        this.onKey = this.key.bind(this);
        this.onClick = this.click.bind(this);
        document.addEventListener("keydown", this.onKey, true);
        root.addEventListener("click", this.onClick);
    }

    /** The open dialog, or null. */
    dialog() {
        return this.root.querySelector("[data-review-dialog]");
    }

    /** The enabled element for key in the open dialog, else on the screen outside dialogs. */
    target(key) {
        const selector = `[data-shortcut="${cssEscape(key)}"]:not([disabled])`;
        const dialog = this.dialog();
        if (dialog) return dialog.querySelector(selector);
        for (const element of this.root.querySelectorAll(selector)) {
            if (!element.closest("[data-review-dialog]")) return element;
        }
        return null;
    }

    fields() {
        return [...this.root.querySelectorAll("[data-field-input]:not([disabled])")];
    }

    key(event) {
        if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
        const active = document.activeElement;
        if (!this.root.isConnected) return;
        const inField = active?.matches?.("[data-field-input]");

        if (inField) {
            if (event.key === "Enter") {
                event.preventDefault();
                this.dotnet?.invokeMethodAsync("OnConfirm", active.dataset.fieldInput, active.value);
            } else if (event.key === "Tab") {
                event.preventDefault();
                this.moveField(active, event.shiftKey ? -1 : 1);
            } else if (event.key === "Escape") {
                event.preventDefault();
                this.root.focus({ preventScroll: true });
            } else if (FIELD_KEYS.has(event.key)) {
                this.press(event, event.key);
            }
            return;
        }

        if (editable(active)) {
            // Text inputs of dialogs (a reason): Enter submits their form; Escape cancels the dialog.
            if (event.key === "Escape") this.press(event, "Escape");
            return;
        }

        if (event.key === "Tab" && !this.dialog() && this.atScreenLevel(active)) {
            event.preventDefault();
            const fields = this.fields();
            const field = fields.find(f => f.dataset.active === "true") ?? fields[event.shiftKey ? fields.length - 1 : 0];
            field?.focus();
            field?.select?.();
            return;
        }

        if (event.key === "Enter" && !this.atScreenLevel(active)) return; // a focused button or link: its own Enter
        if (PAN[event.key] && !this.dialog()) {
            event.preventDefault();
            this.viewer?.panKey(PAN[event.key]);
            return;
        }
        this.press(event, event.key);
    }

    atScreenLevel(active) {
        return !active || active === document.body || active === this.root || active.classList.contains("viewer");
    }

    press(event, key) {
        const target = this.target(key);
        if (!target) return;
        event.preventDefault();
        event.stopPropagation();
        if (PAGE_STEPS[key] && !this.dialog()) this.viewer?.step(PAGE_STEPS[key], event.timeStamp);
        if (target.matches("input, select, textarea")) {
            target.focus();
        } else {
            target.click();
        }
    }

    moveField(from, step) {
        const fields = this.fields();
        if (fields.length === 0) return;
        const index = fields.indexOf(from);
        const next = fields[(index + step + fields.length) % fields.length];
        next.focus();
        next.select?.();
    }

    /** Viewer buttons work here, without a round trip to the server. */
    click(event) {
        const button = event.target.closest?.("[data-viewer-action]");
        if (!button || !this.viewer) return;
        const action = button.dataset.viewerAction;
        if (action === "zoom-in") this.viewer.zoomIn();
        else if (action === "zoom-out") this.viewer.zoomOut();
        else if (action === "fit-width") this.viewer.setFit("width");
        else if (action === "fit-page") this.viewer.setFit("page");
        else if (action === "draw") this.viewer.setDrawMode(!this.viewer.drawMode);
    }

    /** Puts the cursor in a field (its text selected, so that typing replaces it). */
    focusField(key) {
        const field = this.root.querySelector(`[data-field-input="${cssEscape(key)}"]`);
        if (!field) return false;
        field.focus();
        field.select?.();
        return true;
    }

    /** Leaves any field: letters act on the page. */
    focusScreen() {
        if (editable(document.activeElement) && !this.dialog()) document.activeElement.blur();
        this.root.focus({ preventScroll: true });
    }

    /** Focuses the first input of the open dialog (its reason box). */
    focusDialog() {
        const input = this.dialog()?.querySelector("input, textarea, select, button");
        input?.focus();
    }

    /** Keeps the place in the address bar, so that a reload comes back to it. */
    replaceUrl(url) {
        if (location.pathname + location.search !== url) history.replaceState(history.state, "", url);
    }

    dispose() {
        document.removeEventListener("keydown", this.onKey, true);
        this.root.removeEventListener("click", this.onClick);
        this.dotnet = null;
    }
}

/** Attaches the review shortcuts to root; dotnet receives OnConfirm(fieldKey, value). */
export function attach(root, dotnet, viewer) {
    return new Shortcuts(root, dotnet, viewer);
}

/** The review queue: arrow keys move between the rows' links (Enter opens the focused one as any link). */
export function attachQueue(table) {
    const links = () => [...table.querySelectorAll("a[data-queue-link]")];
    const onKey = event => {
        if (event.ctrlKey || event.metaKey || event.altKey || editable(document.activeElement)) return;
        const all = links();
        if (all.length === 0) return;
        const index = all.indexOf(document.activeElement);
        let next = -1;
        if (event.key === "ArrowDown" || event.key === "j") next = Math.min(all.length - 1, index + 1);
        else if (event.key === "ArrowUp" || event.key === "k") next = Math.max(0, index - 1);
        else if (event.key === "Home") next = 0;
        else if (event.key === "End") next = all.length - 1;
        if (next < 0) return;
        event.preventDefault();
        all[next].focus();
    };
    document.addEventListener("keydown", onKey);
    if (!editable(document.activeElement)) links()[0]?.focus();
    return { dispose: () => document.removeEventListener("keydown", onKey) };
}
