/// The dashboard's stylesheet and its one script, served from the binary
/// (`/ui/assets/…`): the dashboard works with nothing but the hub, no CDN.
///
/// The classes slices' templates use: `table.data` (a data table; wrap it in
/// `div.table-scroll` so it scrolls sideways on a phone), `span.state.state-<name>` (a
/// state badge: ok, stale, down, never, revoked, active, blocked, on, off, pending,
/// succeeded, failed, expired), `section.panel` (a box on the overview or a page),
/// `div.panels` (panels side by side), `dl.figures` (label/value pairs),
/// `form.filters` (a row of filter fields), `form.stack` (fields one under another),
/// `form.inline` (a one-button form in a table), `nav.pager`, `button.primary` (the
/// form's main button), `button.danger` (a destructive change), `p.secret` + `code` (a
/// secret shown once: ``SecretShownOnce``), `p.muted`, `div.charts`, `svg.chart` (a
/// ``TimeSeriesChart``) with `.legend`.
enum DashboardAssets {
    static let stylesheet = """
        :root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --paper: #ffffff; --wash: #f6f8fa;
          --accent: #0a58ca; --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --none: #57606a; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--wash); }
        a { color: var(--accent); }
        a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #80b3ff; outline-offset: 1px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 8px; top: 8px; background: var(--paper); padding: 4px 8px; z-index: 2; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px; padding: 10px 16px; background: #24292f; color: #fff; }
        header.top a { color: #fff; }
        .brand { font-weight: 700; text-decoration: none; }
        header.top nav ul { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; margin: 0; padding: 0; }
        header.top nav a { text-decoration: none; padding: 2px 0; }
        header.top nav a[aria-current="page"] { border-bottom: 2px solid #fff; }
        .logout { margin-left: auto; }
        main { max-width: 1200px; margin: 0 auto; padding: 16px; }
        h1 { font-size: 1.6rem; margin: 8px 0 16px; }
        h2 { font-size: 1.2rem; margin: 0 0 8px; }
        footer { color: var(--muted); font-size: .85rem; text-align: center; padding: 24px 8px; }
        .notice { background: #dafbe1; border: 1px solid #4ac26b; padding: 8px 12px; border-radius: 6px; }
        .error { background: #ffebe9; border: 1px solid #ff8182; padding: 8px 12px; border-radius: 6px; }
        .muted { color: var(--muted); }
        section.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; margin: 0 0 16px; }
        .panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 16px; align-items: start; margin: 0 0 16px; }
        .panels > section.panel { margin: 0; }
        .table-scroll { overflow-x: auto; }
        table.data { border-collapse: collapse; width: 100%; background: var(--paper); }
        table.data th, table.data td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        table.data th { background: var(--wash); font-weight: 600; white-space: nowrap; }
        table.data td.number, table.data th.number { text-align: right; font-variant-numeric: tabular-nums; }
        .state { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: .85rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
        .state-ok, .state-active, .state-on, .state-succeeded { color: var(--ok); }
        .state-stale, .state-pending, .state-delivered { color: var(--warn); }
        .state-down, .state-blocked, .state-failed, .state-revoked { color: var(--bad); }
        .state-never, .state-off, .state-expired, .state-retired { color: var(--none); }
        dl.figures { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
        dl.figures dt { color: var(--muted); }
        dl.figures dd { margin: 0; }
        form.filters { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; margin: 0 0 12px; }
        form.filters label, form.stack label { display: flex; flex-direction: column; font-size: .9rem; color: var(--muted); }
        form.stack { display: flex; flex-direction: column; gap: 10px; max-width: 520px; }
        form.inline { display: inline; }
        input, select, textarea, button { font: inherit; }
        input, select, textarea { padding: 5px 8px; border: 1px solid #8c959f; border-radius: 6px; background: var(--paper); color: var(--ink); }
        textarea { min-height: 5em; font-family: ui-monospace, monospace; }
        button { padding: 5px 14px; border-radius: 6px; border: 1px solid #8c959f; background: var(--wash); color: var(--ink); cursor: pointer; }
        button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
        button.danger { background: var(--bad); border-color: var(--bad); color: #fff; }
        nav.pager { display: flex; gap: 16px; align-items: center; margin: 10px 0; }
        p.secret code { display: block; padding: 10px; background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; word-break: break-all; font-size: 1rem; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9rem; }
        pre { background: var(--wash); border: 1px solid var(--line); border-radius: 6px; padding: 8px; overflow-x: auto; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; }
        figure { margin: 0; }
        figcaption { font-weight: 600; margin-bottom: 4px; }
        svg.chart { width: 100%; height: 180px; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; }
        svg.chart .grid { stroke: var(--line); stroke-width: 1; }
        svg.chart .axis { fill: var(--muted); font-size: 11px; }
        svg.chart polyline { fill: none; stroke-width: 2; vector-effect: non-scaling-stroke; }
        svg.chart .series-0 { stroke: #0a58ca; fill: #0a58ca; }
        svg.chart .series-1 { stroke: #8250df; fill: #8250df; }
        svg.chart .series-2 { stroke: #bf3989; fill: #bf3989; }
        svg.chart polyline.series-0, svg.chart polyline.series-1, svg.chart polyline.series-2 { fill: none; }
        .legend span { margin-right: 12px; }
        .legend .series-0 { color: #0a58ca; } .legend .series-1 { color: #8250df; } .legend .series-2 { color: #bf3989; }
        @media (max-width: 600px) { main { padding: 10px; } table.data th, table.data td { padding: 4px 6px; } .logout { margin-left: 0; } }
        """

    /// Live parts of a page: an element with `data-live-url` is fetched again every
    /// `data-live-seconds` (5 by default). With `data-live-mode="prepend"` the answer is
    /// put on top of what is there and the next fetch asks only for what is newer
    /// (`after_id` = the `data-id` of the element's first child); otherwise it replaces the
    /// element's content. A session that ended sends the page to the login form.
    static let script = """
        "use strict";
        document.addEventListener("DOMContentLoaded", () => {
          for (const element of document.querySelectorAll("[data-live-url]")) {
            const seconds = Number(element.dataset.liveSeconds || "5");
            const refresh = async () => {
              try {
                const url = new URL(element.dataset.liveUrl, window.location.href);
                const prepend = element.dataset.liveMode === "prepend";
                if (prepend) {
                  const newest = element.querySelector("[data-id]");
                  if (newest) url.searchParams.set("after_id", newest.dataset.id);
                }
                const response = await fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } });
                if (response.redirected || response.status === 401) { window.location.reload(); return; }
                if (response.ok) {
                  const html = await response.text();
                  if (!prepend) { element.innerHTML = html; }
                  else if (html.trim() !== "") {
                    element.insertAdjacentHTML("afterbegin", html);
                    const empty = element.querySelector("[data-empty]");
                    if (empty) empty.remove();
                  }
                }
              } catch (error) {
                // The hub may be restarting: try again at the next turn.
              }
              window.setTimeout(refresh, seconds * 1000);
            };
            window.setTimeout(refresh, seconds * 1000);
          }
        });
        """
}
