// Studies with real people (`/lab` makes them, `/study/:id` runs them, docs/studies.md): what a study is,
// what a participant sends, and what the results say. Shared by the server, the join page and the lab.
import { z } from 'zod'

/**
 * The routes a study can compare: the three WeChat routes of the launch story (jump to WeChat, screenshot
 * the QR code, save the QR image), asking a friend, and the cashier's other methods.
 */
export const StudyRouteSchema = z.enum([
  'jump',
  'screenshot',
  'save-image',
  'friend',
  'alipay-balance',
  'alipay-card',
  'huabei',
  'unionpay',
])
export type StudyRoute = z.infer<typeof StudyRouteSchema>
export const STUDY_ROUTES = StudyRouteSchema.options

/** The cashier method a route pays with: a task counts as completed only when its order is paid so. */
export const ROUTE_METHOD = {
  jump: 'wechat',
  screenshot: 'wechat-scan',
  'save-image': 'wechat-scan',
  friend: 'friend-pay',
  'alipay-balance': 'alipay-balance',
  'alipay-card': 'alipay-card',
  huabei: 'huabei',
  unionpay: 'unionpay',
} as const satisfies Record<StudyRoute, string>

export const StudyDesignSchema = z.enum(['between', 'within'])
export type StudyDesign = z.infer<typeof StudyDesignSchema>

/** Below this many completed-or-abandoned participants per route, the results say "not enough data yet". */
export const STUDY_MIN_N = 5
export const STUDY_MAX_TARGET = 1000
const TASK_TEXT_MAX = 500

/** `POST /api/lab/studies`. */
export const CreateStudyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  routes: z
    .array(StudyRouteSchema)
    .min(1)
    .max(STUDY_ROUTES.length)
    .refine((routes) => new Set(routes).size === routes.length, 'routes must not repeat'),
  design: StudyDesignSchema,
  /** The task text shown per route (a default per route otherwise). */
  tasks: z.partialRecord(StudyRouteSchema, z.string().trim().min(1).max(TASK_TEXT_MAX)).optional(),
  /** The Single Ease Question (1–7) after each task. */
  seq: z.boolean().optional(),
  /** The System Usability Scale (10 items, 1–5) at the end. */
  sus: z.boolean().optional(),
  /** Participants who finish or quit before the study closes (default 20). */
  target: z.number().int().min(1).max(STUDY_MAX_TARGET).optional(),
  /**
   * Ask a friend: `scripted` (default) pays after a delay drawn uniformly from `friendDelayMs`;
   * `participant` leaves the link to a real person, who opens it on their own phone.
   */
  friend: z.enum(['scripted', 'participant']).optional(),
  friendDelayMs: z
    .strictObject({
      min: z.number().int().min(0).max(300_000),
      max: z.number().int().min(0).max(300_000),
    })
    .refine((d) => d.min <= d.max, 'min must not exceed max')
    .optional(),
  /** The language of the participants' phones (default zh-CN). */
  lang: z.enum(['zh-CN', 'en']).optional(),
})
export type CreateStudyBody = z.infer<typeof CreateStudyBodySchema>

/** The answer to `POST /api/lab/studies`: the links to share (join) and to keep (owner, with its key). */
export const CreatedStudySchema = z.object({
  id: z.string(),
  joinUrl: z.string(),
  ownerUrl: z.string(),
  /** The owner's key: `?key=` or `x-study-key` on the owner's routes. */
  ownerKey: z.string(),
})
export type CreatedStudy = z.infer<typeof CreatedStudySchema>

/** What anyone with the join link may read: enough for the consent page, nothing of the results. */
export const StudyPublicSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  design: StudyDesignSchema,
  seq: z.boolean(),
  sus: z.boolean(),
  status: z.enum(['open', 'closed']),
  lang: z.enum(['zh-CN', 'en']),
  /** Participants who finished or quit, and the target. */
  finished: z.number().int(),
  target: z.number().int(),
})
export type StudyPublic = z.infer<typeof StudyPublicSchema>

/** `POST /api/lab/studies/:studyId/participants` (empty body). */
export const JoinStudyBodySchema = z.strictObject({}).optional()

/** One task of a participant: its route, the world its phone lives in, and how it went. */
export const ParticipantTaskSchema = z.object({
  route: StudyRouteSchema,
  world: z.string(),
  text: z.string(),
  status: z.enum(['pending', 'started', 'completed', 'abandoned']),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  seq: z.number().int().min(1).max(7).nullable(),
})
export type ParticipantTask = z.infer<typeof ParticipantTaskSchema>

/** The answer to joining, and `GET …/participants/:participantId` (a reload picks up where it was). */
export const ParticipantSchema = z.object({
  participantId: z.string(),
  /** The first task's world (each task has its own: `tasks[i].world`). */
  world: z.string(),
  /** The first task's route. */
  route: StudyRouteSchema,
  tasks: z.array(ParticipantTaskSchema),
  status: z.enum(['active', 'finished', 'quit']),
  sus: z.array(z.number().int().min(1).max(5)).length(10).nullable(),
})
export type Participant = z.infer<typeof ParticipantSchema>

const at = z.number().int().nonnegative()
const target = z.string().max(80)
const screen = z.string().max(200)

/**
 * What the participant's phone sends (the lab's recorder, lib/instrument/events.ts), plus the study's own
 * marks. A tap's `x`/`y` are in the simulated screen's CSS pixels with the scroll offset added, on
 * `screen`; `hit` is false for a misclick (nothing tappable under the finger).
 */
export const StudyEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('screen'),
    at,
    screen,
    app: z.enum(['taobao', 'wechat', 'alipay']),
  }),
  z.strictObject({
    kind: z.literal('tap'),
    at,
    target,
    screen: screen.optional(),
    x: z.number().min(-10_000).max(100_000).optional(),
    y: z.number().min(-10_000).max(100_000).optional(),
    hit: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('key'), at, target }),
  z.strictObject({
    kind: z.literal('app'),
    at,
    from: z.enum(['taobao', 'wechat', 'alipay']),
    to: z.enum(['taobao', 'wechat', 'alipay']),
    via: z.enum(['switcher', 'link']),
  }),
  z.strictObject({
    kind: z.literal('request'),
    at,
    ms: z.number().nonnegative().max(3_600_000),
    method: z.string().max(10),
    path: z.string().max(300),
    status: z.number().int().min(0).max(599),
  }),
  z.strictObject({
    kind: z.literal('error'),
    at,
    source: z.enum(['api', 'alert']),
    code: z.string().max(60),
    message: z.string().max(500),
  }),
  /**
   * The task of `route` began (its phone came up), its order was paid (the server checks it was), or
   * the participant gave it up (`abandon`, at `screen` or the last screen it showed) to go on.
   */
  z.strictObject({
    kind: z.literal('task'),
    at,
    route: StudyRouteSchema,
    phase: z.enum(['start', 'done', 'abandon']),
    screen: screen.optional(),
  }),
  /** The Single Ease Question's answer for a task. */
  z.strictObject({
    kind: z.literal('seq'),
    at,
    route: StudyRouteSchema,
    value: z.number().int().min(1).max(7),
  }),
  /** The System Usability Scale's ten answers, in the questionnaire's order. */
  z.strictObject({
    kind: z.literal('sus'),
    at,
    answers: z.array(z.number().int().min(1).max(5)).length(10),
  }),
])
export type StudyEvent = z.infer<typeof StudyEventSchema>

export const STUDY_EVENTS_PER_CALL = 500
/** `POST …/participants/:participantId/events`. */
export const StudyEventsBodySchema = z.strictObject({
  events: z.array(StudyEventSchema).min(1).max(STUDY_EVENTS_PER_CALL),
})
export const StudyEventsAcceptedSchema = z.object({
  accepted: z.number().int(),
  participant: ParticipantSchema,
})

/** `POST …/participants/:participantId/quit`: where they were when they left. */
export const QuitStudyBodySchema = z.strictObject({ screen: screen.optional() }).optional()

/** `POST …/participants/:participantId/screens?screen=`: a PNG or JPEG of a screen, once per screen. */
export const StudyScreenQuerySchema = z.strictObject({ screen })
export const STUDY_SCREEN_MAX_BYTES = 1024 * 1024

/** A 95 % interval; null bounds when there is not enough data to draw one. */
export const IntervalSchema = z.object({ low: z.number().nullable(), high: z.number().nullable() })
export type Interval = z.infer<typeof IntervalSchema>

export const StudyStepSchema = z.object({
  screen: z.string(),
  /** Median time spent on this screen, over those who reached it. */
  medianMs: z.number().nullable(),
  reached: z.number().int(),
  /** Participants whose task ended here without completing. */
  droppedHere: z.number().int(),
  /** The model's (KLM) seconds for this step, where the route's model has it. */
  predictedMs: z.number().nullable(),
})

export const RouteResultSchema = z.object({
  route: StudyRouteSchema,
  started: z.number().int(),
  completed: z.number().int(),
  abandoned: z.number().int(),
  completionRate: z.number().nullable(),
  completionCi: IntervalSchema,
  timeMedianMs: z.number().nullable(),
  timeCi: IntervalSchema,
  /** Means per completed task. */
  taps: z.number().nullable(),
  misclicks: z.number().nullable(),
  /** Misclicks over all taps, 0–1. */
  misclickRate: z.number().nullable(),
  appSwitches: z.number().nullable(),
  errors: z.number().nullable(),
  seq: z.number().nullable(),
  sus: z.number().nullable(),
  predictedMs: z.number().nullable(),
  enough: z.boolean(),
  steps: z.array(StudyStepSchema),
})
export type RouteResult = z.infer<typeof RouteResultSchema>

/** Two routes side by side (each route against the first), with the test that fits the design. */
export const RouteComparisonSchema = z.object({
  a: StudyRouteSchema,
  b: StudyRouteSchema,
  n: z.tuple([z.number().int(), z.number().int()]),
  enough: z.boolean(),
  /** median time of b ÷ median time of a, with a bootstrap 95 % interval. */
  timeRatio: z.number().nullable(),
  timeRatioCi: IntervalSchema,
  /** Mann–Whitney U (between) or Wilcoxon signed-rank (within) on times. */
  timeTest: z.object({
    name: z.enum(['mann-whitney', 'wilcoxon']),
    statistic: z.number().nullable(),
    p: z.number().nullable(),
    /** Rank-biserial correlation, −1…1. */
    effect: z.number().nullable(),
  }),
  /** Fisher's exact (between) or McNemar (within) on completion. */
  completionTest: z.object({
    name: z.enum(['fisher', 'mcnemar']),
    p: z.number().nullable(),
    /** Difference in completion rates, b − a. */
    difference: z.number().nullable(),
  }),
  /** The comparison in plain words, in the study's language. */
  summary: z.string(),
})
export type RouteComparison = z.infer<typeof RouteComparisonSchema>

export const HeatmapSchema = z.object({
  screen: z.string(),
  /** `GET /api/lab/studies/:studyId/screens/:imageId`, or null before a phone sent one. */
  imageId: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  taps: z.array(z.object({ x: z.number(), y: z.number(), hit: z.boolean() })),
})

/** `GET /api/lab/studies/:studyId/results`. */
export const StudyResultsSchema = z.object({
  study: StudyPublicSchema.extend({
    routes: z.array(StudyRouteSchema),
    createdAt: z.number(),
    minN: z.number().int(),
  }),
  /** Every participant, for the owner to see and delete one (no personal data: ids only). */
  people: z.array(
    z.object({
      participantId: z.string(),
      status: z.enum(['active', 'finished', 'quit']),
      joinedAt: z.number(),
      tasks: z.array(
        z.object({ route: StudyRouteSchema, status: ParticipantTaskSchema.shape.status }),
      ),
    }),
  ),
  participants: z.object({
    total: z.number().int(),
    active: z.number().int(),
    finished: z.number().int(),
    quit: z.number().int(),
  }),
  routes: z.array(RouteResultSchema),
  comparisons: z.array(RouteComparisonSchema),
  heatmaps: z.array(HeatmapSchema),
})
export type StudyResults = z.infer<typeof StudyResultsSchema>
