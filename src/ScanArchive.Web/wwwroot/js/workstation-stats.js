// The statistics dashboard's charts (Chart.js 4.6.1, vendored under lib/chart.js). The numbers come from the page's
// own report (JSON text, parsed here), never from markup, and labels are set as text by Chart.js on a canvas.

let loading;

function chartLibrary() {
    // The UMD build sets globalThis.Chart when imported as a module.
    loading ??= import("../lib/chart.js/chart.umd.min.js").then(() => globalThis.Chart);
    return loading;
}

const COLOURS = { pass: "#2e7d32", warn: "#ed6c02", fail: "#c62828", rescan: "#6a1b9a", bar: "#1565c0" };

function bar(Chart, canvas, labels, values, title, colour) {
    return new Chart(canvas, {
        type: "bar",
        data: { labels, datasets: [{ label: title, data: values, backgroundColor: colour ?? COLOURS.bar }] },
        options: { animation: false, responsive: true, plugins: { title: { display: true, text: title }, legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
}

export async function draw(host, dataJson, labelsJson) {
    const Chart = await chartLibrary();
    const data = JSON.parse(dataJson);
    const t = JSON.parse(labelsJson);
    const canvas = name => host.querySelector(`canvas[data-chart="${name}"]`);
    bar(Chart, canvas("perDay"), data.pagesPerDay.map(d => d.day), data.pagesPerDay.map(d => d.count), t.perDay);
    bar(Chart, canvas("perClerk"), data.pagesPerClerk.map(c => c.user), data.pagesPerClerk.map(c => c.count), t.perClerk);
    const verdicts = ["pass", "warn", "fail", "rescan"];
    bar(Chart, canvas("qc"), verdicts.map(v => t[v]), verdicts.map(v => data.qc[v]), t.qc, verdicts.map(v => COLOURS[v]));
    bar(Chart, canvas("corrections"), data.fieldCorrectionRates.map(r => r.key), data.fieldCorrectionRates.map(r => r.corrections), t.corrections, COLOURS.warn);
}
