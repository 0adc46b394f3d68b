// SPDX-License-Identifier: Apache-2.0
// The evaluation dashboard: three reports of the library's GraphQL API (processFunnel, outcomeReport,
// referralRateIndex) drawn with Chart.js, as the signed-in user (the session cookie goes with every request; the
// server's ActorResolver turns it into the viewer). A viewer without aggregate access gets the FORBIDDEN message. Every
// count comes published: a withheld count is {value: null, suppressed: true} and is drawn as "suppressed", never as 0.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const DAY = 86400000;

  // ---- dates: the days the demo data cover, by the server's clock (GET /dashboard/coverage) ----------------------
  const iso = d => d.toISOString().slice(0, 10);
  const day = text => new Date(text + 'T00:00:00Z');
  let dataFrom;
  let dataThrough;
  const addMonths = (d, n) => {
    const r = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
    const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
    r.setUTCDate(Math.min(d.getUTCDate(), last));
    return r;
  };

  /** The calendar quarters that end on or before the data's last day and overlap the data, newest first. */
  function quarters() {
    const out = [];
    let y = dataThrough.getUTCFullYear();
    let q = Math.floor(dataThrough.getUTCMonth() / 3);
    for (let i = 0; i < 8; i++) {
      const from = new Date(Date.UTC(y, q * 3, 1));
      const to = new Date(Date.UTC(y, q * 3 + 3, 0));
      if (to <= dataThrough && to >= dataFrom) {
        out.push({ from: iso(from), to: iso(to), end: to,
          label: y + ' Q' + (q + 1) + (from < dataFrom ? ' (partly before the data)' : '') });
      }
      q -= 1;
      if (q < 0) { q = 3; y -= 1; }
    }
    out.push({ from: iso(dataFrom), to: iso(dataThrough), end: dataThrough, label: 'the last 12 months' });
    return out;
  }

  // ---- GraphQL --------------------------------------------------------------------------------------------------
  // /dashboard/?purpose=AUDIT (or ENFORCEMENT, which the library always refuses) states another purpose of use than
  // the user's default, in the header the server's ActorResolver reads.
  const purpose = new URLSearchParams(location.search).get('purpose');
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (purpose) {
    headers['X-Purpose-Of-Use'] = purpose;
  }

  async function gql(query, variables) {
    const response = await fetch('/graphql', {
      method: 'POST', credentials: 'same-origin', headers,
      body: JSON.stringify({ query, variables }),
    });
    if (!response.ok) {
      throw new Error('the server answered ' + response.status);
    }
    return response.json();
  }

  /** The report's data, or an Error carrying the first GraphQL error (FORBIDDEN for a role without aggregates). */
  async function report(query, variables, field) {
    const body = await gql(query, variables);
    if (body.errors && body.errors.length) {
      const e = body.errors[0];
      const type = (e.extensions && (e.extensions.classification || e.extensions.errorType)) || 'ERROR';
      const err = new Error(type + ': ' + e.message);
      err.type = type;
      throw err;
    }
    if (!body.data || !body.data[field]) {
      throw new Error('no ' + field + ' in the answer');
    }
    return body.data[field];
  }

  const COUNT = '{ value suppressed }';
  const FUNNEL = `query Funnel($site: ID!, $from: Date!, $to: Date!) {
    processFunnel(site: $site, from: $from, to: $to) {
      measure unit stratum { dimension value } count ${COUNT} base ${COUNT} value suppressed } }`;
  const OUTCOMES = `query Outcomes($site: String!, $from: Date!, $to: Date!, $windowMonths: Int!, $dataThrough: Date) {
    outcomeReport(site: $site, from: $from, to: $to, windowMonths: $windowMonths, dataThrough: $dataThrough) {
      minCellSize windowMonths dataThrough
      comparisons { measure stratum { dimension value } participantsWith ${COUNT} participants ${COUNT}
        comparisonWith ${COUNT} comparison ${COUNT} participantRate comparisonRate
        oddsRatio { estimate lower upper significant corrected } suppressed }
      participants { measure stratum { dimension value } subjects ${COUNT} value suppressed }
      comparison { measure stratum { dimension value } subjects ${COUNT} value suppressed } } }`;
  const RRI = `query Rri($site: String!, $from: Date!, $to: Date!) {
    referralRateIndex(site: $site, from: $from, to: $to) {
      referenceGroup lowerBound upperBound minCellSize totalReferrals ${COUNT} totalPool ${COUNT}
      rows { group reference unknown referrals ${COUNT} pool ${COUNT} rate status rri flag } } }`;

  // ---- drawing helpers ------------------------------------------------------------------------------------------
  const SUPPRESSED = 'suppressed';
  const charts = {};

  /** (Re)draws the chart on canvas {@code id}; Chart.getChart(id) gives it back (the browser test reads it). */
  function draw(id, config) {
    if (charts[id]) {
      charts[id].destroy();
    }
    config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options);
    charts[id] = new Chart($(id), config);
    return charts[id];
  }

  function clear(id) {
    if (charts[id]) {
      charts[id].destroy();
      delete charts[id];
    }
  }

  function status(id, text, error) {
    const el = $(id);
    el.textContent = text;
    el.className = 'status' + (error ? ' error' : '');
  }

  const stratum = row => Object.fromEntries((row.stratum || []).map(p => [p.dimension, p.value]));
  const count = c => (c == null ? '' : c.suppressed ? SUPPRESSED : String(c.value));
  const pct = v => (v == null ? SUPPRESSED : (100 * v).toFixed(1) + '%');
  const cell = text => '<td' + (text.includes(SUPPRESSED) ? ' class="suppressed"' : '') + '>' + text + '</td>';
  const escape = s => String(s).replace(/[&<>"]/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]);

  const MEASURE_NAMES = {
    ARREST_ANY: 'Arrest', CHARGE_FILED_FELONY: 'Felony charge', CHARGE_FILED_MISD: 'Misdemeanour charge',
    PRISON_ADMISSION_ANY: 'Prison admission', JAIL_BOOKINGS_PER_YEAR: 'Jail bookings / year',
    JAIL_DAYS_PER_YEAR: 'Jail days / year', LEGAL_COST_DELTA: 'Legal-system cost / year',
  };
  const measureName = m => MEASURE_NAMES[m] || m;

  // ---- the process funnel ---------------------------------------------------------------------------------------
  let funnelAvailable = null;

  async function hasFunnel() {
    if (funnelAvailable === null) {
      const body = await gql('{ __type(name: "Query") { fields { name } } }', {});
      const fields = body.data && body.data.__type ? body.data.__type.fields.map(f => f.name) : [];
      funnelAvailable = fields.includes('processFunnel');
    }
    return funnelAvailable;
  }

  const STAGES = {
    REFERRALS_ELIGIBLE: 'Eligible', REFERRALS_DECLINED: 'Declined at the offer',
    HANDOFF_WITHIN_TARGET: 'Hand-off within target', INTAKE_ON_TIME: 'Intake on time', INTAKE_LAPSED: 'Intake lapsed',
  };

  /**
   * The funnel as counts: all referrals, each door, then each stage's count (eligible, declined, hand-offs within
   * target, intakes on time, lapses), with its share in the tooltip; the median hand-off minutes in the status line.
   */
  async function funnel(site, period) {
    $('funnel-scope').textContent = period.label;
    if (!(await hasFunnel())) {
      clear('funnel-chart');
      status('funnel-status', 'The process funnel is not available on this server (no processFunnel query).');
      return;
    }
    const rows = await report(FUNNEL, { site, from: period.from, to: period.to }, 'processFunnel');
    const bars = [];
    const eligible = rows.find(r => r.measure === 'REFERRALS_ELIGIBLE');
    if (eligible) {
      bars.push({ label: 'All referrals', count: eligible.base, share: null });
    }
    rows.filter(r => r.unit === 'PROPORTION').forEach(r => {
      const door = stratum(r).door;
      const label = r.measure === 'REFERRALS_BY_DOOR' ? 'Referred · ' + door.replace(/_/g, ' ').toLowerCase()
        : STAGES[r.measure] || r.measure;
      bars.push({ label, count: r.count, share: r.value });
    });
    draw('funnel-chart', {
      type: 'bar',
      data: { labels: bars.map(b => b.label + (b.count.suppressed ? ' (' + SUPPRESSED + ')' : '')),
        datasets: [{ label: 'Referrals', data: bars.map(b => b.count.value), shares: bars.map(b => b.share),
          suppressed: bars.map(b => b.count.suppressed), backgroundColor: '#2f6f9f' }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false },
        tooltip: { callbacks: { afterLabel: c => (c.dataset.shares[c.dataIndex] == null ? ''
          : pct(c.dataset.shares[c.dataIndex]) + ' of its base') } } } },
    });
    const median = rows.find(r => r.measure === 'HANDOFF_MINUTES');
    status('funnel-status', 'Median warm hand-off: ' + (median == null ? '—' : median.value == null ? SUPPRESSED
      : median.value + ' minutes') + '. A suppressed stage has no bar.');
  }

  // ---- outcomes vs comparison -----------------------------------------------------------------------------------
  async function outcomes(site, entry, windowMonths) {
    $('outcome-scope').textContent = 'participants and comparison members entering in ' + entry.label
      + ', ' + windowMonths + ' months before and after entry';
    const r = await report(OUTCOMES, { site, from: entry.from, to: entry.to, windowMonths,
      dataThrough: iso(dataThrough) }, 'outcomeReport');
    const post = r.comparisons.filter(c => stratum(c).window === 'POST');
    const labels = post.map(c => measureName(c.measure) + (c.suppressed ? ' (' + SUPPRESSED + ')' : ''));
    draw('outcome-chart', {
      type: 'bar',
      data: { labels, datasets: [
        { label: 'Participants (LEAD)', data: post.map(c => c.participantRate == null ? null : 100 * c.participantRate),
          suppressed: post.map(c => c.participantRate == null), backgroundColor: '#2f6f9f' },
        { label: 'Comparison cohort', data: post.map(c => c.comparisonRate == null ? null : 100 * c.comparisonRate),
          suppressed: post.map(c => c.comparisonRate == null), backgroundColor: '#b3b9c0' },
      ] },
      options: { plugins: { title: { display: true, text: 'Share with the outcome after entry (%)' } },
        scales: { y: { beginAtZero: true, title: { display: true, text: '%' } } } },
    });
    const withOr = post.map(c => c.oddsRatio);
    draw('odds-chart', {
      type: 'bar',
      data: { labels, datasets: [
        { type: 'bar', label: '95% confidence interval', data: withOr.map(o => (o ? [o.lower, o.upper] : null)),
          suppressed: withOr.map(o => o == null), backgroundColor: 'rgba(47,111,159,0.35)', barPercentage: 0.4 },
        { type: 'line', label: 'Odds ratio', data: withOr.map(o => (o ? o.estimate : null)), showLine: false,
          pointRadius: 6, pointStyle: 'rectRot', backgroundColor: '#1f3b57', borderColor: '#1f3b57' },
        { type: 'line', label: 'No difference (1)', data: labels.map(() => 1), pointRadius: 0,
          borderColor: '#a40e26', borderDash: [6, 4], borderWidth: 1 },
      ] },
      options: { plugins: { title: { display: true, text: 'Odds ratio, participants over comparison (below 1: '
          + 'lower odds for participants)' } }, scales: { y: { beginAtZero: true } } },
    });
    const table = ['<tr><th>measure</th><th>participants with / followed</th><th>rate</th>'
      + '<th>comparison with / followed</th><th>rate</th><th>odds ratio [95% CI]</th></tr>'];
    post.forEach(c => {
      const o = c.oddsRatio;
      table.push('<tr><td>' + escape(measureName(c.measure)) + '</td>'
        + cell(count(c.participantsWith) + ' / ' + count(c.participants))
        + cell(pct(c.participantRate)) + cell(count(c.comparisonWith) + ' / ' + count(c.comparison))
        + cell(pct(c.comparisonRate))
        + cell(o ? o.estimate.toFixed(2) + ' [' + o.lower.toFixed(2) + ', ' + o.upper.toFixed(2) + ']'
          + (o.significant ? ' *' : '') : SUPPRESSED) + '</tr>');
    });
    perYearRows(r).forEach(row => table.push(row));
    $('outcome-table').innerHTML = table.join('');
    const followed = post.length ? count(post[0].participants) + ' participants and ' + count(post[0].comparison)
      + ' comparison members followed' : 'nobody followed';
    status('outcome-status', followed + '; data through ' + r.dataThrough + '; minimum cell size ' + r.minCellSize
      + '. * the interval excludes 1.');
  }

  /** Jail bookings, jail days and legal cost per person-year, before and after entry, for both cohorts. */
  function perYearRows(r) {
    const pick = (rows, measure, window) => rows.find(x => x.measure === measure && stratum(x).window === window
      && (measure !== 'LEGAL_COST_DELTA' || stratum(x).component === 'TOTAL'));
    const value = (row, money) => (row == null ? '' : row.value == null ? SUPPRESSED
      : money ? '$' + Math.round(row.value / 100).toLocaleString('en-US') : row.value.toFixed(1));
    const out = ['<tr><th>per person-year</th><th>participants before</th><th>after</th>'
      + '<th>comparison before</th><th>after</th><th></th></tr>'];
    ['JAIL_BOOKINGS_PER_YEAR', 'JAIL_DAYS_PER_YEAR', 'LEGAL_COST_DELTA'].forEach(m => {
      const money = m === 'LEGAL_COST_DELTA';
      out.push('<tr><td>' + escape(measureName(m)) + '</td>'
        + cell(value(pick(r.participants, m, 'PRE'), money)) + cell(value(pick(r.participants, m, 'POST'), money))
        + cell(value(pick(r.comparison, m, 'PRE'), money)) + cell(value(pick(r.comparison, m, 'POST'), money))
        + '<td></td></tr>');
    });
    return out;
  }

  // ---- equity: the referral RRI by group ------------------------------------------------------------------------
  const FLAG_COLOURS = { WITHIN_BOUNDS: '#2f6f9f', ABOVE_UPPER_BOUND: '#bc4c00', BELOW_LOWER_BOUND: '#8250df',
    NOT_PRODUCED: '#b3b9c0' };

  async function equity(site, period) {
    $('equity-scope').textContent = period.label;
    const t = await report(RRI, { site, from: period.from, to: period.to }, 'referralRateIndex');
    const labels = t.rows.map(r => r.group + (r.reference ? ' (reference)' : '')
      + (r.status === 'SUPPRESSED' ? ' (' + SUPPRESSED + ')' : ''));
    draw('rri-chart', {
      type: 'bar',
      data: { labels, datasets: [
        { label: 'RRI', data: t.rows.map(r => r.rri), suppressed: t.rows.map(r => r.status === 'SUPPRESSED'),
          flags: t.rows.map(r => r.flag), backgroundColor: t.rows.map(r => FLAG_COLOURS[r.flag]) },
        { type: 'line', label: 'Lower bound ' + t.lowerBound, data: labels.map(() => t.lowerBound), pointRadius: 0,
          borderColor: '#8250df', borderDash: [6, 4], borderWidth: 1.5 },
        { type: 'line', label: 'Upper bound ' + t.upperBound, data: labels.map(() => t.upperBound), pointRadius: 0,
          borderColor: '#bc4c00', borderDash: [6, 4], borderWidth: 1.5 },
      ] },
      options: { plugins: { title: { display: true, text: 'Referrals per eligible encounter, relative to '
          + t.referenceGroup } }, scales: { y: { beginAtZero: true } } },
    });
    const rows = ['<tr><th>group</th><th>referrals</th><th>eligible pool</th><th>rate</th><th>RRI</th><th>flag</th></tr>'];
    t.rows.forEach(r => rows.push('<tr><td>' + escape(r.group) + (r.reference ? ' (reference)' : '') + '</td>'
      + cell(count(r.referrals)) + cell(count(r.pool)) + cell(pct(r.rate))
      + cell(r.rri == null ? SUPPRESSED : r.rri.toFixed(2))
      + '<td class="flag-' + r.flag + '">' + r.flag.replace(/_/g, ' ').toLowerCase() + '</td></tr>'));
    rows.push('<tr><td>all groups</td>' + cell(count(t.totalReferrals)) + cell(count(t.totalPool))
      + '<td></td><td></td><td></td></tr>');
    $('rri-table').innerHTML = rows.join('');
    status('equity-status', 'Reference group ' + t.referenceGroup + '; flagged outside [' + t.lowerBound + ', '
      + t.upperBound + ']; a group whose pool is under ' + t.minCellSize + ' (or whose counts would reveal one) is '
      + SUPPRESSED + '.');
  }

  // ---- the page -----------------------------------------------------------------------------------------------
  async function guarded(statusId, chartIds, work) {
    try {
      await work();
    } catch (e) {
      chartIds.forEach(clear);
      status(statusId, e.message, true);
    }
  }

  function refresh() {
    const site = $('site').value;
    const period = periods[$('period').selectedIndex];
    const entry = periods[$('entry-period').selectedIndex];
    const windowMonths = Number($('window').value);
    document.body.dataset.loading = 'true';
    return Promise.all([
      guarded('funnel-status', ['funnel-chart'], () => funnel(site, period)),
      guarded('outcome-status', ['outcome-chart', 'odds-chart'], () => outcomes(site, entry, windowMonths)),
      guarded('equity-status', ['rri-chart'], () => equity(site, period)),
    ]).then(() => { document.body.dataset.loading = 'false'; });
  }

  /** The newest entry period whose members are all followed for the window (entry + window ≤ data through). */
  function defaultEntry(windowMonths) {
    const i = periods.findIndex(p => p.label !== 'the last 12 months' && addMonths(p.end, windowMonths) <= dataThrough);
    return i < 0 ? periods.length - 1 : i;
  }

  let periods = [];

  async function start() {
    const coverage = await fetch('/dashboard/coverage', { credentials: 'same-origin' }).then(r => r.json());
    dataFrom = day(coverage.from);
    dataThrough = day(coverage.through);
    periods = quarters();
    const me = await fetch('/demo/me', { credentials: 'same-origin' }).then(r => r.json());
    $('lead-user').textContent = me.username + ' (' + me.role + ', ' + me.purpose + ')';
    const sites = (await gql('{ sites { id name } }', {})).data.sites;
    $('site').innerHTML = sites.map(s => '<option value="' + escape(s.id) + '">' + escape(s.name) + '</option>').join('');
    if (sites.some(s => s.id === 'seattle-king-county')) {
      $('site').value = 'seattle-king-county';
    }
    const options = periods.map(p => '<option>' + escape(p.label) + '</option>').join('');
    $('period').innerHTML = options;
    $('entry-period').innerHTML = options;
    $('period').selectedIndex = 0;
    $('entry-period').selectedIndex = defaultEntry(6);
    $('site').addEventListener('change', refresh);
    $('period').addEventListener('change', refresh);
    $('entry-period').addEventListener('change', refresh);
    $('window').addEventListener('change', () => {
      $('entry-period').selectedIndex = defaultEntry(Number($('window').value));
      refresh();
    });
    await refresh();
  }

  start().catch(e => status('equity-status', e.message, true));
})();
