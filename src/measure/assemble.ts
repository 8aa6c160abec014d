import { ALL_GROUP, ROUTE_SEPARATOR, type GroupFigures, type MetricRow, type MetricSpec, type TouchpointFigures } from './spec.js';

/** An engine's long rows as figures per group; rows of an unknown kind are an error, so a wrong --results file is not read as figures. */
export function assembleFigures(rows: Iterable<MetricRow>, spec: MetricSpec): Map<string, GroupFigures> {
  const groups = new Map<string, GroupFigures>();
  const group = (name: string) => {
    let figures = groups.get(name);
    if (!figures) {
      groups.set(
        name,
        (figures = {
          users: 0,
          events: 0,
          first: null,
          last: null,
          touchpoints: new Map(),
          variantCount: 0,
          variants: [],
          funnel: spec.steps && spec.steps.length > 0 ? spec.steps.map(() => ({ users: 0, open: 0, medianMsFromPrevious: null })) : null,
          unplanned: [],
          unplannedCount: 0,
          stageOrder: spec.stages ? { staged: 0, reversed: 0, skipped: 0 } : null,
        }),
      );
    }
    return figures;
  };
  const touchpoint = (figures: GroupFigures, name: string): TouchpointFigures => {
    let tp = figures.touchpoints.get(name);
    if (!tp) figures.touchpoints.set(name, (tp = { events: 0, users: 0, endUsers: 0, convertedUsers: 0, medianMsToNext: null, medianMsFromStart: null }));
    return tp;
  };
  const variants = new Map<GroupFigures, { rank: number; steps: string[]; users: number }[]>();
  const unplanned: { rank: number; event: string; users: number; events: number }[] = [];
  for (const row of rows) {
    const figures = group(row.grp);
    const n = row.n ?? 0;
    const step = row.pos === null ? -1 : row.pos - 1;
    switch (row.kind) {
      case 'totals':
        figures.users = n;
        figures.events = row.m ?? 0;
        break;
      case 'span':
        figures.first = row.n;
        figures.last = row.m;
        break;
      case 'tp':
        Object.assign(touchpoint(figures, row.name ?? ''), { users: n, events: row.m ?? 0 });
        break;
      case 'tp_end':
        touchpoint(figures, row.name ?? '').endUsers = n;
        break;
      case 'tp_conv':
        touchpoint(figures, row.name ?? '').convertedUsers = n;
        break;
      case 'tp_next':
        touchpoint(figures, row.name ?? '').medianMsToNext = row.x;
        break;
      case 'tp_day':
        touchpoint(figures, row.name ?? '').medianMsFromStart = row.x;
        break;
      case 'variant': {
        let list = variants.get(figures);
        if (!list) variants.set(figures, (list = []));
        const route = row.name ?? '';
        list.push({ rank: row.pos ?? 0, steps: route === '' ? [] : route.split(ROUTE_SEPARATOR), users: n });
        break;
      }
      case 'variant_count':
        figures.variantCount = n;
        break;
      case 'unplanned':
        unplanned.push({ rank: row.pos ?? 0, event: row.name ?? '', users: n, events: row.m ?? 0 });
        break;
      case 'unplanned_count':
        figures.unplannedCount = n;
        break;
      case 'segment_count':
        figures.segmentCount = n;
        break;
      case 'order':
        figures.stageOrder = { staged: n, reversed: row.m ?? 0, skipped: row.x ?? 0 };
        break;
      case 'funnel':
      case 'funnel_open':
      case 'funnel_med': {
        const stepFigures = figures.funnel?.[step];
        if (!stepFigures) throw new Error(`a ${row.kind} row for step ${row.pos}, which the funnel does not have`);
        if (row.kind === 'funnel') stepFigures.users = n;
        else if (row.kind === 'funnel_open') stepFigures.open = n;
        else stepFigures.medianMsFromPrevious = row.x;
        break;
      }
      default:
        throw new Error(`a row of kind "${row.kind}", which journey measure never writes`);
    }
  }
  for (const [figures, list] of variants) figures.variants = list.sort((a, b) => a.rank - b.rank).map(({ steps, users }) => ({ steps, users }));
  if (unplanned.length > 0)
    group(ALL_GROUP).unplanned = unplanned.sort((a, b) => a.rank - b.rank).map(({ event, users, events }) => ({ event, users, events }));
  return groups;
}
