// What the stats page does in the browser, beyond HAProxy's: select-all boxes, a name filter,
// a "problems only" switch, sortable columns and live updates from the JSON export. Everything
// here only reads the page and the export; it writes text, never markup. Thymeleaf inserts this
// file in JavaScript mode, where two opening brackets or a bracket and a parenthesis in a row
// start an expression: keep them apart.
(function () {
  'use strict';
  const GROUP = '\u202f'; // the digit-group space CellText uses
  const MINUTE = 60, HOUR = 3600, DAY = 86400;
  const LIVE_PERIOD_MS = 5000;
  const store = window.sessionStorage;
  const sections = Array.from(document.querySelectorAll('section.proxy'));

  // ---- formatting: the same rules as CellText, ServerCells and ServerStyle ----
  const num = (n) => n === undefined ? '' : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);
  const limit = (n) => n ? num(n) : '-';

  function human(t) { // at most two units, like HAProxy's human_time
    if (t === undefined) return '';
    if (t < 0) return '?';
    let out = '', units = 2;
    if (t >= DAY) { out += Math.floor(t / DAY) + 'd'; units--; }
    const hours = Math.floor((t % DAY) / HOUR), minutes = Math.floor((t % HOUR) / MINUTE);
    if (units > 0 && hours) { out += hours + 'h'; units--; }
    if (units > 0 && minutes) { out += minutes + 'm'; units--; }
    if ((units > 0 && t % MINUTE) || t === 0) out += (t % MINUTE) + 's';
    return out;
  }

  function arrow(status) {
    const m = /^(\w+) \d/.exec(status);
    return m ? (m[1] === 'DOWN' ? ' \u2191' : ' \u2193') : '';
  }

  function serverClass(v) {
    const s = v.status || '';
    if (s.startsWith('MAINT')) return 'maintain';
    let style = 'up';
    if (s === 'DOWN' || s === 'DOWN (agent)') style = 'down';
    else if (s.startsWith('DOWN ')) style = 'going_up';
    else if (s.startsWith('DRAIN') || (s.startsWith('UP') && !v.weight)) style = 'draining';
    else if (s.startsWith('NOLB ') || s.startsWith('UP ')) style = 'going_down';
    else if (s === 'NOLB') style = 'nolb';
    else if (s === 'no check') style = 'no_check';
    return (v.bck ? 'backup_' : 'active_') + style;
  }

  function lastCheck(v) {
    const p = v.status === 'DOWN (agent)' ? 'agent_' : 'check_';
    const status = v[p + 'status'];
    if (status === undefined) return '';
    return status + (v[p + 'code'] !== undefined ? '/' + v[p + 'code'] : '')
      + (v[p + 'duration'] >= 0 ? ' in ' + v[p + 'duration'] + 'ms' : '');
  }

  function checkTip(v) { // as Tooltips.check: the result's words, then the check's own text
    const p = v.status === 'DOWN (agent)' ? 'agent_' : 'check_';
    const words = v[p + 'desc'], text = v[p === 'agent_' ? 'last_agt' : 'last_chk'];
    return words === undefined ? '' : words + (text ? ': ' + text : '');
  }

  // The text of one cell from a row's JSON values; null leaves the cell as it is.
  function cellText(field, type, v) {
    const server = type === 'S';
    switch (field) {
      case 'status':
        if (server && v.status === 'no check') return 'no check';
        return type === 'S' || type === 'B'
          ? (v.lastchg !== undefined ? human(v.lastchg) + ' ' : '') + v.status + (server ? arrow(v.status) : '')
          : v.status;
      case 'check_status': return server ? lastCheck(v) : null;
      case 'throttle': return server ? (v.throttle !== undefined ? v.throttle + ' %' : '-') : null;
      case 'weight': return v.weight === undefined ? null : num(v.weight) + '/' + num(v.uweight);
      case 'act': case 'bck': return v[field] === undefined ? null : server ? (v[field] ? 'Y' : '-') : num(v[field]);
      case 'chkfail': return v.chkfail === undefined ? null : num(v.chkfail) + (v.hanafail !== undefined ? '/' + num(v.hanafail) : '');
    }
    if (v[field] === undefined) return null;
    if (field === 'lastsess' || field === 'downtime') return human(v[field]);
    if (field === 'qlimit' || field === 'rate_lim' || (field === 'slim' && type !== 'B')) return limit(v[field]);
    return num(v[field]);
  }

  // ---- table geometry: which cell sits under which column ----
  function columnFields(section) {
    return Array.from(section.querySelectorAll('thead tr:nth-child(2) th'), (th) => th.dataset.f);
  }

  // A row's data cells by column (a spanning cell at its first column only), after the name.
  function dataCells(tr) {
    const cells = [];
    let td = tr.querySelector('td.name').nextElementSibling;
    while (td) { cells[cells.length] = td; for (let i = 1; i < td.colSpan; i++) cells.push(undefined); td = td.nextElementSibling; }
    return cells;
  }

  // ---- live update ----
  const rowsByKey = new Map();
  for (const section of sections) {
    const fields = columnFields(section);
    for (const tr of section.querySelectorAll('tr[data-key]')) rowsByKey.set(tr.dataset.key, { tr, fields, cells: null });
  }

  function applyRow(values) {
    const first = values[0];
    const row = rowsByKey.get(first.proxyId + '/' + first.id + '/' + first.objType.charAt(0));
    if (!row) return;
    const v = {};
    for (const f of values) v[f.field.name] = f.value.value;
    const type = first.objType.charAt(0);
    row.cells = row.cells || dataCells(row.tr);
    row.fields.forEach((field, i) => {
      const td = row.cells[i];
      const text = td && td.colSpan === 1 ? cellText(field, type, v) : null;
      if (text !== null && td.textContent !== text) td.textContent = text;
    });
    const status = row.cells[row.fields.indexOf('status')];
    if (type === 'B') status.classList.toggle('down', v.status === 'DOWN');
    if (type !== 'S') return;
    status.classList.toggle('nocheck', v.status === 'no check');
    row.tr.className = serverClass(v) + (row.tr.classList.contains('hidden') ? ' hidden' : '');
    const check = row.tr.querySelector('td.chk');
    const tip = checkTip(v);
    if (check && tip) check.title = tip;
    else if (check) check.removeAttribute('title');
  }

  const live = document.getElementById('tg-live');
  const liveState = document.getElementById('tg-live-state');
  let timer = null;

  function update() {
    const started = Date.now();
    // from the origin, which leaves out any user:password@ the page was opened with (fetch refuses those);
    // the browser sends the credentials it holds for the page
    fetch(new URL(document.body.dataset.live, location.origin), { cache: 'no-store', credentials: 'same-origin' })
      .then((r) => r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status)))
      .then((rows) => {
        rows.filter((r) => r.length).forEach(applyRow);
        applyFilters();
        liveState.textContent = 'updated ' + new Date().toLocaleTimeString();
      })
      .catch((e) => { liveState.textContent = 'update failed: ' + e.message; })
      .finally(() => {
        // a large export takes a while: never spend more than a tenth of the time fetching it
        if (live.checked) timer = setTimeout(update, Math.max(LIVE_PERIOD_MS, 10 * (Date.now() - started)));
      });
  }

  live.addEventListener('change', () => {
    store.setItem('tollgate.live', live.checked ? '1' : '0');
    clearTimeout(timer);
    liveState.textContent = '';
    if (live.checked) timer = setTimeout(update, LIVE_PERIOD_MS);
  });

  // ---- filter and problems only ----
  const filter = document.getElementById('tg-filter');
  const problems = document.getElementById('tg-problems');
  const passing = /^(\* )?(L[467]OK|PROCOK|INI|UNK|CHECKED)/;
  const isServer = (tr) => tr.dataset.key.endsWith('/S');

  // DOWN, MAINT, DRAIN, on its way up or down, or failing its checks; a backend with no server left
  function isProblem(tr) {
    if (!isServer(tr)) return !!tr.querySelector('td.down');
    if (/maintain|_down$|_going_up|_going_down|_draining/.test(tr.className)) return true;
    const check = tr.querySelector('td.chk');
    return !!check && check.textContent !== '' && !passing.test(check.textContent);
  }

  function applyFilters() {
    const text = filter.value.trim().toLowerCase();
    const onlyProblems = problems.checked;
    for (const section of sections) {
      const proxyMatches = section.dataset.proxy.toLowerCase().includes(text);
      const rows = Array.from(section.querySelector('tbody').rows);
      let servers = 0, shown = 0;
      for (const tr of rows) {
        const server = isServer(tr);
        const matches = proxyMatches || (server && tr.querySelector('td.name').textContent.toLowerCase().includes(text));
        const visible = matches && (!onlyProblems || isProblem(tr));
        tr.classList.toggle('hidden', !visible);
        if (visible) { shown++; if (server) servers++; }
      }
      // the Frontend and Backend rows frame whatever server is shown
      if (servers) rows.filter((tr) => !isServer(tr)).forEach((tr) => tr.classList.remove('hidden'));
      section.classList.toggle('hidden', shown === 0);
    }
  }

  filter.value = store.getItem('tollgate.filter') || '';
  problems.checked = store.getItem('tollgate.problems') === '1';
  filter.addEventListener('input', () => { store.setItem('tollgate.filter', filter.value); applyFilters(); });
  problems.addEventListener('change', () => { store.setItem('tollgate.problems', problems.checked ? '1' : '0'); applyFilters(); });

  // ---- sorting: a click on a column heading orders the server rows of that table ----
  function sortKey(text) {
    const t = text.split(GROUP).join('').trim();
    if (/^-?\d+(\/\d+)?$/.test(t)) return parseInt(t, 10);
    if (t === '-' || t === '') return -1;
    if (t === '?') return Infinity;
    const d = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
    if (d) return ((+d[1] || 0) * DAY) + ((+d[2] || 0) * HOUR) + ((+d[3] || 0) * MINUTE) + (+d[4] || 0);
    const status = /^(?:\d+[dhms])+ (.+)$/.exec(t); // "3m14s DOWN": by state rather than by time
    return (status ? status[1] : t).toLowerCase();
  }

  function compare(a, b) {
    if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
    return typeof a === 'number' ? -1 : 1;
  }

  function sortBy(section, th, column) {
    const descending = th.classList.contains('sorted-asc');
    section.querySelectorAll('th.sorted-asc, th.sorted-desc').forEach((h) => h.classList.remove('sorted-asc', 'sorted-desc'));
    th.classList.add(descending ? 'sorted-desc' : 'sorted-asc');
    const tbody = section.querySelector('tbody');
    const rows = Array.from(tbody.rows);
    const servers = rows.filter(isServer);
    const anchor = rows.find((tr) => tr.classList.contains('backend')) || null;
    const key = (tr) => {
      const td = column === 'name' ? tr.querySelector('td.name') : dataCells(tr)[column];
      return sortKey(td ? td.textContent : '');
    };
    const keyed = servers.map((tr) => [key(tr), tr]);
    keyed.sort((x, y) => (descending ? -1 : 1) * compare(x[0], y[0]));
    for (const [, tr] of keyed) tbody.insertBefore(tr, anchor);
  }

  for (const section of sections) {
    section.querySelectorAll('thead tr:nth-child(2) th').forEach((th, i) => th.addEventListener('click', () => sortBy(section, th, i)));
    const nameHeading = section.querySelector('th[data-sort=name]');
    if (nameHeading) nameHeading.addEventListener('click', () => sortBy(section, nameHeading, 'name'));
    const all = section.querySelector('input.select-all');
    if (all) all.addEventListener('change', () => section.querySelectorAll('input[name=s]').forEach((c) => { c.checked = all.checked; }));
  }

  applyFilters();
  live.checked = store.getItem('tollgate.live') !== '0';
  if (live.checked) timer = setTimeout(update, LIVE_PERIOD_MS);
})();
