// The run's timeline on a canvas: one column per client, time flowing down. Only the visible
// window of time is drawn on each scroll, so tens of thousands of operations stay responsive.
// Every string from the history reaches the page through textContent, never as markup.
(function () {
  'use strict';
  const t0 = performance.now();
  const data = JSON.parse(document.getElementById('data').textContent);
  const F = {};
  data.fields.forEach((name, i) => { F[name] = i; });
  const ops = data.ops; // in order of invocation time
  const COLOURS = {ok: '#4a4', fail: '#e55', info: '#fb3', 'err-dep': '#a5d', dropped: '#888'};
  const SHADE = {partition: 'rgba(220,50,50,0.10)', pause: 'rgba(90,90,90,0.18)',
    kill: 'rgba(20,20,20,0.14)', freeze: 'rgba(60,110,220,0.14)',
    stabilize: 'rgba(80,120,220,0.15)'};
  const LINE = {retire: '#82a', join: '#1a4', move: '#e80', clock: '#c60'};
  const LANES = ['partition', 'pause', 'kill', 'freeze', 'stabilize', 'retire', 'join', 'move',
    'clock'];
  const LANE_PX = 12, AXIS_PX = 56, LABEL_GAP_PX = 12, COLUMN_PX_MAX = 180;
  const GUTTER_PX = AXIS_PX + LANES.length * LANE_PX + 4;
  const scroller = document.getElementById('scroller');
  const spacer = document.getElementById('spacer');
  const canvas = document.getElementById('canvas');
  const ctx = canvas.getContext('2d');
  const tip = document.getElementById('tip');
  let pxPerMs = 2;
  let selected = -1;
  let maxDurMs = 0;
  const byColumn = data.processes.map(() => []);
  ops.forEach((op, i) => {
    maxDurMs = Math.max(maxDurMs, op[F.t1] - op[F.t0]);
    byColumn[op[F.col]].push(i);
  });
  const named = data.named; // event index -> finding number in report.html
  const opOfEvent = new Map();
  ops.forEach((op, i) => { opOfEvent.set(op[F.invoke], i); opOfEvent.set(op[F.complete], i); });
  // overlapping faults of one kind shade the columns once, by their union
  const unions = {partition: [], pause: [], kill: [], freeze: [], stabilize: []};
  for (const [kind, , from, to] of data.faults) {
    const u = unions[kind];
    if (!u) continue;
    const last = u[u.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to); else u.push([from, to]);
  }
  const namedOps = new Set();
  Object.keys(named).forEach(ev => { if (opOfEvent.has(+ev)) namedOps.add(opOfEvent.get(+ev)); });

  document.getElementById('title').textContent = 'timeline of ' + data.run;
  document.getElementById('count').textContent = ops.length + ' operations, '
      + data.faults.length + ' faults and stabilizes, ' + data.processes.length + ' clients';

  function columnPx() {
    const fit = (canvas.width - GUTTER_PX) / Math.max(1, data.processes.length);
    return Math.min(COLUMN_PX_MAX, Math.max(40, fit));
  }
  function layout() {
    canvas.width = scroller.clientWidth;
    canvas.height = scroller.clientHeight;
    spacer.style.height = Math.ceil(data.endMs * pxPerMs + 40) + 'px';
    spacer.style.width = Math.ceil(GUTTER_PX + columnPx() * data.processes.length) + 'px';
    document.getElementById('scale').textContent = pxPerMs + ' px/ms';
  }
  // the first operation whose start could still be visible at time ms
  function firstFrom(ms) {
    let lo = 0, hi = ops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ops[mid][F.t0] < ms - maxDurMs) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
  function draw() {
    const top = scroller.scrollTop / pxPerMs;
    const bottom = top + canvas.height / pxPerMs;
    const left = scroller.scrollLeft;
    const col = columnPx();
    const y = ms => (ms - top) * pxPerMs;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    drawFaults(top, bottom, y, left, col);
    for (let i = firstFrom(top); i < ops.length && ops[i][F.t0] <= bottom; i++) {
      const op = ops[i];
      if (op[F.t1] < top) continue;
      const x = GUTTER_PX + op[F.col] * col - left + 3;
      const h = Math.max(2, (op[F.t1] - op[F.t0]) * pxPerMs);
      ctx.fillStyle = COLOURS[op[F.outcome]] || '#000';
      ctx.fillRect(x, y(op[F.t0]), col - 6, h);
      if (namedOps.has(i) || i === selected) {
        ctx.lineWidth = i === selected ? 4 : 2;
        ctx.strokeStyle = i === selected ? '#06f' : '#000';
        ctx.strokeRect(x - 2, y(op[F.t0]) - 2, col - 2, h + 4);
      }
    }
    drawAxis(top, bottom, y, left, col);
  }
  function drawFaults(top, bottom, y, left, col) {
    const lastLabel = {};
    const width = col * data.processes.length;
    ctx.font = '10px sans-serif';
    for (const kind of Object.keys(unions)) {
      ctx.fillStyle = SHADE[kind];
      for (const [from, to] of unions[kind]) {
        if (to >= top && from <= bottom) {
          ctx.fillRect(GUTTER_PX - left, y(from), width, Math.max(1, (to - from) * pxPerMs));
        }
      }
    }
    for (const [kind, label, from, to] of data.faults) {
      if (to < top || from > bottom) continue;
      const lane = LANES.indexOf(kind);
      const lx = AXIS_PX + lane * LANE_PX;
      const y0 = y(from), h = Math.max(1, (to - from) * pxPerMs);
      if (SHADE[kind]) {
        ctx.fillStyle = SHADE[kind].replace(/[\d.]+\)$/, '0.7)');
        ctx.fillRect(lx, y0, LANE_PX - 2, h);
      } else {
        ctx.fillStyle = LINE[kind];
        const move = /^move c(\d+)/.exec(label);
        const c = move ? data.processes.indexOf(+move[1]) : -1;
        if (c >= 0) ctx.fillRect(GUTTER_PX + c * col - left, y0 - 1, col, 3);
        else ctx.fillRect(GUTTER_PX - left, y0, width, 1.5);
        ctx.fillRect(lx, y0 - 2, LANE_PX - 2, 4);
      }
      const ly = Math.max(y0, 14) + 10; // below the column titles
      if (lastLabel[kind] === undefined || ly - lastLabel[kind] >= LABEL_GAP_PX) {
        lastLabel[kind] = ly;
        ctx.fillStyle = '#333';
        ctx.fillText(label, GUTTER_PX + 2 + lane * 70 - left, ly);
      }
    }
  }
  function drawAxis(top, bottom, y, left, col) {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, AXIS_PX, canvas.height);
    ctx.fillStyle = '#333';
    ctx.font = '11px sans-serif';
    const step = niceStep(80 / pxPerMs);
    for (let ms = Math.ceil(top / step) * step; ms <= bottom; ms += step) {
      ctx.fillText((ms / 1000).toFixed(step < 10 ? 3 : 2) + ' s', 2, y(ms) + 4);
      ctx.fillRect(AXIS_PX - 6, y(ms), 6, 1);
    }
    ctx.fillStyle = 'rgba(250,250,250,0.9)';
    ctx.fillRect(GUTTER_PX - left, 0, col * data.processes.length, 14);
    ctx.fillStyle = '#000';
    data.processes.forEach((p, c) => {
      ctx.fillText('client ' + p, GUTTER_PX + c * col - left + 3, 11);
    });
    ctx.fillText('faults', AXIS_PX, 11);
  }
  function niceStep(ms) {
    const p = Math.pow(10, Math.floor(Math.log10(ms)));
    return [1, 2, 5, 10].map(m => m * p).find(s => s >= ms);
  }
  function hit(clientX, clientY) {
    const r = canvas.getBoundingClientRect();
    const x = clientX - r.left + scroller.scrollLeft - GUTTER_PX;
    const ms = (clientY - r.top + scroller.scrollTop) / pxPerMs;
    const c = Math.floor(x / columnPx());
    if (x < 0 || c >= byColumn.length) return -1;
    const slack = 2 / pxPerMs;
    return byColumn[c].find(i => ops[i][F.t0] - slack <= ms && ms <= ops[i][F.t1] + slack) ?? -1;
  }
  function vector(flat) {
    if (!flat) return '-';
    const parts = [];
    for (let k = 0; k < flat.length; k += 2) {
      parts.push(data.names[flat[k]] + '=' + (flat[k + 1] + data.stampBase));
    }
    return '{' + parts.join(', ') + '}';
  }
  function write(w) { return w ? (w[0] + data.stampBase) + '@' + data.names[w[1]] : '-'; }
  function describe(i) {
    const op = ops[i];
    return 'client ' + data.processes[op[F.col]] + ': ' + op[F.f] + ' ' + op[F.key]
      + (op[F.f] === 'delete' ? '' : ' ' + op[F.value]) + '\noutcome: ' + op[F.outcome]
      + '\nevents ' + op[F.invoke] + ' .. ' + op[F.complete]
      + '\ntime ' + (op[F.t0] / 1000).toFixed(4) + ' s .. ' + (op[F.t1] / 1000).toFixed(4)
      + ' s (' + (op[F.t1] - op[F.t0]).toFixed(3) + ' ms)'
      + '\nserver ' + op[F.server] + ' ' + (data.names[op[F.serverName]] || '')
      + '\nserver vector ' + vector(op[F.vv]) + '\nread from ' + write(op[F.readFrom])
      + '\nwrite id ' + write(op[F.writeId]) + '\nread set ' + vector(op[F.readSet])
      + '\nwrite set ' + vector(op[F.writeSet]);
  }
  function select(i) {
    selected = i;
    const op = ops[i];
    document.getElementById('selected').textContent = describe(i);
    const back = document.getElementById('back');
    back.textContent = '';
    const finding = named[op[F.invoke]] ?? named[op[F.complete]];
    if (finding !== undefined) {
      const a = document.createElement('a');
      a.href = 'report.html#finding-' + finding;
      a.textContent = 'the finding in the report that names it';
      back.appendChild(a);
    }
    scheduleDraw();
  }
  function showEvent() {
    const px = /px=([\d.]+)/.exec(location.hash); // a zoom in the link: #ev=754&px=0.5
    if (px) {
      pxPerMs = Math.min(200, Math.max(0.005, +px[1]));
      layout();
    }
    const m = /ev=(\d+)/.exec(location.hash);
    if (!m || !opOfEvent.has(+m[1])) return;
    const i = opOfEvent.get(+m[1]);
    scroller.scrollTop = Math.max(0, ops[i][F.t0] * pxPerMs - canvas.height / 2);
    select(i);
  }
  let pending = false;
  function scheduleDraw() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => { pending = false; draw(); });
    }
  }
  function zoom(factor) {
    const centre = (scroller.scrollTop + canvas.height / 2) / pxPerMs;
    pxPerMs = Math.min(200, Math.max(0.005, pxPerMs * factor));
    layout();
    scroller.scrollTop = centre * pxPerMs - canvas.height / 2;
    scheduleDraw();
  }
  scroller.addEventListener('scroll', scheduleDraw);
  window.addEventListener('resize', () => { layout(); scheduleDraw(); });
  window.addEventListener('hashchange', showEvent);
  document.getElementById('zoomIn').onclick = () => zoom(2);
  document.getElementById('zoomOut').onclick = () => zoom(0.5);
  scroller.addEventListener('mousemove', e => {
    const i = hit(e.clientX, e.clientY);
    tip.style.display = i < 0 ? 'none' : 'block';
    if (i >= 0) {
      tip.textContent = describe(i);
      tip.style.left = Math.min(e.clientX + 12, window.innerWidth - 430) + 'px';
      tip.style.top = Math.min(e.clientY + 12, window.innerHeight - 220) + 'px';
    }
  });
  scroller.addEventListener('mouseleave', () => { tip.style.display = 'none'; });
  scroller.addEventListener('click', e => {
    const i = hit(e.clientX, e.clientY);
    if (i >= 0) select(i);
  });
  layout();
  showEvent();
  draw();
  // what the browser test reads: from navigation to the first frame, and the script's share
  window.bayouTimeline = {renderMs: performance.now(), scriptMs: performance.now() - t0,
    ops: ops.length, selected: () => selected,
    selectedEvent: () => selected < 0 ? -1 : ops[selected][F.complete],
    visible: i => { const top = scroller.scrollTop / pxPerMs;
      return ops[i][F.t0] >= top && ops[i][F.t0] <= top + canvas.height / pxPerMs; }};
})();
