import type { Dialect } from './dialects.js';
import { ALL_GROUP, type MetricSpec } from './spec.js';

/** A named common table expression. */
export type Cte = [name: string, sql: string];

/**
 * The metric query over normalized events (`ev`, described in spec.ts), in one dialect: every figure of
 * every group as long rows (kind, grp, name, pos, n, m, x). `before` are CTEs that come first (the
 * normalization of a warehouse table into `ev`, for --emit-sql).
 *
 * The funnel is computed without ASOF joins or correlated subqueries, so the same SQL runs everywhere:
 * for each funnel event, the earliest time of every later step at or after its time (a MIN over a RANGE
 * frame, which includes events at the same time); an attempt starts at each step-1 event and follows the
 * earliest next step at or after the previous one by equi-joins on (group, user, time). Taking the
 * earliest event at each step maximises the steps that fit in the window, so this is the furthest step of
 * the attempt; the user's furthest over all attempts is their step.
 */
export function metricQuery(d: Dialect, spec: MetricSpec, before: Cte[] = []): string {
  const ctes: Cte[] = [...before];
  const branches: string[] = [];
  const str = d.str;
  const row = (kind: string, grp: string, name: string, pos: string, n: string, m: string, x: string, rest: string) =>
    `SELECT ${d.cast(str(kind), 'text')} AS kind, ${d.cast(grp, 'text')} AS grp, ${d.cast(name, 'text')} AS name, ${d.cast(pos, 'int')} AS pos, ${d.cast(n, 'int')} AS n, ${d.cast(m, 'int')} AS m, ${d.cast(x, 'float')} AS x ${rest}`;
  const NULL = 'NULL';
  const all = str(ALL_GROUP);

  // Groups: everyone, and per segment value the segment and everyone else.
  if (spec.segments > 0) {
    ctes.push(
      ['seg_first', `SELECT u, sg, ROW_NUMBER() OVER (PARTITION BY u ORDER BY t, seq) AS rn FROM ev WHERE sg IS NOT NULL`],
      ['ev_users', `SELECT DISTINCT u FROM ev`],
      [
        'user_seg',
        `SELECT ev_users.u AS u, COALESCE(seg_first.sg, '') AS v FROM ev_users LEFT JOIN seg_first ON seg_first.u = ev_users.u AND seg_first.rn = 1`,
      ],
      ['seg_count', `SELECT v, COUNT(*) AS n FROM user_seg GROUP BY v`],
      ['seg_rank', `SELECT v, ROW_NUMBER() OVER (ORDER BY n DESC, ${d.bytewise('v')}) AS rk FROM seg_count`],
      ['seg_top', `SELECT v FROM seg_rank WHERE rk <= ${spec.segments}`],
      [
        'ug',
        `SELECT u, ${all} AS grp FROM ev_users
  UNION ALL SELECT user_seg.u AS u, CONCAT('s:', user_seg.v) AS grp FROM user_seg JOIN seg_top ON seg_top.v = user_seg.v
  UNION ALL SELECT user_seg.u AS u, CONCAT('r:', seg_top.v) AS grp FROM user_seg CROSS JOIN seg_top WHERE user_seg.v <> seg_top.v`,
      ],
    );
    branches.push(row('segment_count', all, NULL, NULL, 'COUNT(*)', NULL, NULL, 'FROM seg_count'));
  } else {
    ctes.push(['ug', `SELECT DISTINCT u, ${all} AS grp FROM ev`]);
  }
  ctes.push(
    ['eg', `SELECT ug.grp AS grp, ev.u AS u, ev.t AS t, ev.seq AS seq, ev.tp AS tp, ev.g AS g, ev.st AS st FROM ev JOIN ug ON ug.u = ev.u`],
    // The route: touchpoint events in time order, ties in file order; nt is the next event's time, NULL at the route's last event
    // (one window, one sort: the last event is not ranked by a second sort in the other direction).
    [
      'r',
      `SELECT grp, u, t, seq, tp, st,
    MIN(${d.nullable('t')}) OVER (PARTITION BY grp, u ORDER BY t, seq ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) AS nt
  FROM eg WHERE tp IS NOT NULL`,
    ],
    ['uf', `SELECT grp, u, tp, MIN(t) AS ft FROM r GROUP BY grp, u, tp`],
  );
  branches.push(
    row('totals', 'grp', NULL, NULL, 'COUNT(DISTINCT u)', 'COUNT(*)', NULL, 'FROM eg GROUP BY grp'),
    row('span', 'grp', NULL, NULL, 'MIN(t)', 'MAX(t)', NULL, 'FROM eg GROUP BY grp'),
    row('tp', 'grp', 'tp', NULL, 'COUNT(DISTINCT u)', 'COUNT(*)', NULL, 'FROM r GROUP BY grp, tp'),
    row('tp_end', 'grp', 'tp', NULL, 'COUNT(*)', NULL, NULL, 'FROM r WHERE nt IS NULL GROUP BY grp, tp'),
  );
  if (spec.goal) {
    ctes.push(['goal_last', `SELECT grp, u, MAX(t) AS gt FROM eg WHERE g = 1 GROUP BY grp, u`]);
    branches.push(
      row(
        'tp_conv',
        'uf.grp',
        'uf.tp',
        NULL,
        'COUNT(*)',
        NULL,
        NULL,
        'FROM uf JOIN goal_last ON goal_last.grp = uf.grp AND goal_last.u = uf.u WHERE goal_last.gt >= uf.ft GROUP BY uf.grp, uf.tp',
      ),
    );
  }

  // Values whose exact median is wanted: (kind, grp, name, pos, x).
  const medians: string[] = [`SELECT ${str('tp_next')} AS kd, grp, tp AS name, ${d.cast(NULL, 'int')} AS pos, nt - t AS x FROM r WHERE nt IS NOT NULL`];
  if (spec.inventory) {
    ctes.push(['route_start', `SELECT grp, u, MIN(t) AS t0 FROM r GROUP BY grp, u`]);
    medians.push(
      `SELECT ${str('tp_day')} AS kd, uf.grp AS grp, uf.tp AS name, ${d.cast(NULL, 'int')} AS pos, uf.ft - route_start.t0 AS x FROM uf JOIN route_start ON route_start.grp = uf.grp AND route_start.u = uf.u`,
    );
  }

  // Variants: every user's whole route, users without a touchpoint as the empty route.
  ctes.push(
    ['user_route', `SELECT grp, u, ${d.routeAgg('tp', 't', 'seq')} AS route FROM r GROUP BY grp, u`],
    [
      'user_variant',
      `SELECT ug.grp AS grp, COALESCE(user_route.route, '') AS route FROM ug LEFT JOIN user_route ON user_route.grp = ug.grp AND user_route.u = ug.u`,
    ],
    ['variant_users', `SELECT grp, route, COUNT(*) AS n FROM user_variant GROUP BY grp, route`],
    ['variant_rank', `SELECT grp, route, n, ROW_NUMBER() OVER (PARTITION BY grp ORDER BY n DESC, ${d.bytewise('route')}) AS rk FROM variant_users`],
  );
  branches.push(
    row('variant', 'grp', 'route', 'rk', 'n', NULL, NULL, `FROM variant_rank WHERE rk <= ${spec.topVariants}`),
    row('variant_count', 'grp', NULL, NULL, 'COUNT(*)', NULL, NULL, 'FROM variant_users GROUP BY grp'),
  );

  if (spec.inventory) {
    // Events no touchpoint claims (the goal's own events are planned by the goal).
    ctes.push(
      ['unplanned', `SELECT e, COUNT(DISTINCT u) AS n, COUNT(*) AS m FROM ev WHERE tp IS NULL AND g = 0 GROUP BY e`],
      ['unplanned_rank', `SELECT e, n, m, ROW_NUMBER() OVER (ORDER BY n DESC, m DESC, ${d.bytewise('e')}) AS rk FROM unplanned`],
    );
    branches.push(
      row('unplanned', all, 'e', 'rk', 'n', 'm', NULL, `FROM unplanned_rank WHERE rk <= ${spec.unplannedLimit}`),
      row('unplanned_count', all, NULL, NULL, 'COUNT(*)', NULL, NULL, 'FROM unplanned'),
    );
  }

  if (spec.stages) {
    // A route reverses when it meets a stage earlier than one it already met; it skips when the stages it
    // met between its first and its furthest leave one of the inventory's stages out.
    ctes.push(
      [
        'staged',
        `SELECT grp, u, st, MAX(${d.nullable('st')}) OVER (PARTITION BY grp, u ORDER BY t, seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pm FROM r WHERE st IS NOT NULL`,
      ],
      [
        'staged_user',
        `SELECT grp, u, MAX(CASE WHEN st < pm THEN 1 ELSE 0 END) AS rev, CASE WHEN COUNT(DISTINCT st) < MAX(st) - MIN(st) + 1 THEN 1 ELSE 0 END AS skp FROM staged GROUP BY grp, u`,
      ],
    );
    branches.push(row('order', 'grp', NULL, NULL, 'COUNT(*)', 'SUM(rev)', 'SUM(skp)', 'FROM staged_user GROUP BY grp'));
  }

  if (spec.steps !== null && spec.steps.length > 0) funnel(d, spec, spec.steps, ctes, branches, medians, row);

  ctes.push(['median_values', medians.join('\n  UNION ALL ')]);
  let median: [x: string, rest: string];
  if (d.median !== undefined) median = [d.median('x'), 'FROM median_values GROUP BY kd, grp, name, pos'];
  else {
    ctes.push([
      'median_ranked',
      `SELECT kd, grp, name, pos, x, ROW_NUMBER() OVER (PARTITION BY kd, grp, name, pos ORDER BY x) AS rn, COUNT(*) OVER (PARTITION BY kd, grp, name, pos) AS cn FROM median_values`,
    ]);
    // The middle value, or the mean of the two middle values: 2·rn is n+1 for an odd count, n or n+2 for an even one.
    median = ['AVG(x)', 'FROM median_ranked WHERE 2 * rn BETWEEN cn AND cn + 2 GROUP BY kd, grp, name, pos'];
  }
  branches.push(
    row('median', 'grp', 'name', 'pos', NULL, NULL, ...median).replace(`${d.cast(str('median'), 'text')} AS kind`, `${d.cast('kd', 'text')} AS kind`),
  );

  const withClause = ctes.map(([name, sql]) => `${name} AS (\n  ${sql}\n)`).join(',\n');
  return `WITH ${withClause}\n${branches.join('\nUNION ALL\n')}${d.suffix}\n`;
}

type RowMaker = (kind: string, grp: string, name: string, pos: string, n: string, m: string, x: string, rest: string) => string;

function funnel(d: Dialect, spec: MetricSpec, steps: string[], ctes: Cte[], branches: string[], medians: string[], row: RowMaker): void {
  const count = steps.length;
  const range = 'OVER (PARTITION BY grp, u ORDER BY t RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)';
  const later = Array.from({ length: count - 1 }, (_, i) => i + 2);
  ctes.push(
    [
      'funnel_events',
      `SELECT grp, u, t, seq, CASE ${steps.map((step, i) => `WHEN tp = ${d.str(step)} THEN ${i + 1}`).join(' ')} END AS fk FROM r WHERE tp IN (${steps.map(d.str).join(', ')})`,
    ],
    ['funnel_next', `SELECT grp, u, t, seq, fk${later.map((k) => `, MIN(CASE WHEN fk = ${k} THEN t END) ${range} AS n${k}`).join('')} FROM funnel_events`],
  );
  // For step k's events: the earliest time of step k+1 at or after them.
  for (let k = 2; k < count; k++) ctes.push([`funnel_at${k}`, `SELECT grp, u, t, MIN(n${k + 1}) AS nx FROM funnel_next WHERE fk = ${k} GROUP BY grp, u, t`]);
  const times = (upTo: number) => Array.from({ length: upTo }, (_, i) => `t${i + 1}`);
  ctes.push(['attempt1', `SELECT grp, u, t AS t1, seq AS s1${count > 1 ? ', n2 AS t2' : ''} FROM funnel_next WHERE fk = 1`]);
  for (let k = 2; k < count; k++) {
    const previous = `attempt${k - 1}`;
    const at = `funnel_at${k}`;
    ctes.push([
      `attempt${k}`,
      `SELECT ${previous}.grp AS grp, ${previous}.u AS u, ${previous}.s1 AS s1, ${times(k)
        .map((t) => `${previous}.${t} AS ${t}`)
        .join(
          ', ',
        )}, ${at}.nx AS t${k + 1} FROM ${previous} LEFT JOIN ${at} ON ${at}.grp = ${previous}.grp AND ${at}.u = ${previous}.u AND ${at}.t = ${previous}.t${k}`,
    ]);
  }
  const last = `attempt${Math.max(1, count - 1)}`;
  const fits = (k: number) => `t${k} IS NULL${spec.windowMs === null ? '' : ` OR t${k} - t1 > ${spec.windowMs}`}`;
  const reached = count === 1 ? '1' : `CASE ${later.map((k) => `WHEN ${fits(k)} THEN ${k - 1}`).join(' ')} ELSE ${count} END`;
  if (spec.windowMs !== null) ctes.push(['log_end', `SELECT MAX(t) AS lt FROM ev`]);
  const open = spec.windowMs === null ? '0' : `CASE WHEN t1 + ${spec.windowMs} > log_end.lt THEN 1 ELSE 0 END`;
  ctes.push(
    [
      'attempt',
      `SELECT grp, u, s1, ${times(count).join(', ')}, ${reached} AS reached, ${open} AS op FROM ${last}${spec.windowMs === null ? '' : ' CROSS JOIN log_end'}`,
    ],
    [
      'attempt_best',
      `SELECT grp, u, ${times(count).join(', ')}, reached, ROW_NUMBER() OVER (PARTITION BY grp, u ORDER BY reached DESC, t1, s1) AS rk FROM attempt`,
    ],
    ['funnel_user', `SELECT grp, u, MAX(reached) AS mr, MAX(op) AS mo FROM attempt GROUP BY grp, u`],
  );
  for (let k = 1; k <= count; k++)
    branches.push(
      row(
        'funnel',
        'grp',
        'NULL',
        String(k),
        `SUM(CASE WHEN reached >= ${k} THEN 1 ELSE 0 END)`,
        'NULL',
        'NULL',
        'FROM attempt_best WHERE rk = 1 GROUP BY grp',
      ),
    );
  // Users who have not finished and whose window is still open when the log ends: counted apart, not as dropped.
  branches.push(row('funnel_open', 'grp', 'NULL', 'mr', 'COUNT(*)', 'NULL', 'NULL', `FROM funnel_user WHERE mo = 1 AND mr < ${count} GROUP BY grp, mr`));
  for (let k = 2; k <= count; k++)
    medians.push(
      `SELECT ${d.str('funnel_med')} AS kd, grp, ${d.cast('NULL', 'text')} AS name, ${d.cast(String(k), 'int')} AS pos, t${k} - t${k - 1} AS x FROM attempt_best WHERE rk = 1 AND reached >= ${k}`,
    );
}
