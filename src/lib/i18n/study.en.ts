import type { StudyMessages } from './study.zh-CN.ts'

/** See study.zh-CN.ts. */
export const studyEn: StudyMessages = {
  title: 'Take part in a study',
  badge: 'User research',
  masthead: 'Simulated shopping · no real money',
  defaultName: 'Payment experience study',
  loading: 'Opening the study…',
  error: {
    title: 'This study cannot be opened',
    notFound:
      'There is no such study: the link may be cut short, or the study was deleted. Please check with whoever sent you the link.',
    retry: 'Try again',
  },
  closed: {
    title: 'This study has ended',
    body: 'It has all the participants it needs and takes no more. Thank you for your interest!',
  },
  consent: {
    intro:
      'Thank you for helping! On a simulated phone on this page you will do a few small online-shopping payment tasks, a few minutes each. We want to learn where paying goes smoothly and where it gets stuck: the flow is being tested, not you.',
    recordedTitle: 'What we record',
    recorded: {
      taps: 'Every tap on the simulated phone, and where on the screen it landed',
      screens: 'Each screen you see, and how long you stay on it',
      keys: 'How many keys you press (counted only: not what you type)',
      apps: 'Switches between Taobao, WeChat and Alipay, time spent waiting, and any errors shown',
      shots:
        'Screenshots of the simulated screens (only what is inside the simulated phone, for tap heatmaps)',
      answers:
        'Your answers to the short question after a task and the final questionnaire (if the study has them)',
    },
    privacyTitle: 'No personal data',
    privacy:
      'We do not ask for or record any personal data: no name, phone number or location, and nothing else on your phone is read. In the results you are only a random code.',
    simulatedTitle: 'Everything is simulated',
    simulated:
      'The goods, orders and payments are simulated: no real purchase is made and no real money moves. Do not type your real payment password; the task tells you the simulated one.',
    quitNote: 'You can stop at any time with “Quit”, no reason needed.',
    accept: 'Agree and start',
    decline: 'No, thanks',
    joining: 'Getting your simulated phone ready…',
  },
  declined: {
    title: 'You chose not to take part',
    body: 'That is fine: nothing about you was recorded. You can close this page.',
    again: 'I changed my mind: back to the information',
  },
  task: {
    counter: 'Task {{n}} of {{total}}',
    heading: 'Your task',
    howTo:
      'When you tap “Start task”, a simulated phone appears below. Use it as you would your own phone; once you are done, the page moves on by itself.',
    start: 'Start task',
  },
  running: {
    label: 'Task',
    show: 'Show the task',
    hide: 'Hide the task',
    quit: 'Quit',
    phone: 'Simulated phone: {{task}}',
    checking: 'Checking the payment…',
    notYet: 'The payment has not gone through yet: if you have not finished, please carry on.',
  },
  seq: {
    heading: 'Task {{n}} done',
    question: 'Overall, how difficult or easy was the task to complete?',
    low: 'Very difficult',
    high: 'Very easy',
    option: '{{n}} points',
    submit: 'Submit and continue',
    required: 'Please pick a score to continue.',
  },
  sus: {
    heading: 'Last step: how it felt to use',
    intro:
      'For each statement, choose how much you agree, thinking of what you just did. “The system” means the simulated shopping and payment flow you used. Go with your first impression.',
    low: 'Strongly disagree',
    high: 'Strongly agree',
    option: '{{n}} points',
    items: {
      q1: 'I think that I would like to use this system frequently.',
      q2: 'I found the system unnecessarily complex.',
      q3: 'I thought the system was easy to use.',
      q4: 'I think that I would need the support of a technical person to be able to use this system.',
      q5: 'I found the various functions in this system were well integrated.',
      q6: 'I thought there was too much inconsistency in this system.',
      q7: 'I would imagine that most people would learn to use this system very quickly.',
      q8: 'I found the system very cumbersome to use.',
      q9: 'I felt very confident using the system.',
      q10: 'I needed to learn a lot of things before I could get going with this system.',
    },
    submit: 'Submit the questionnaire',
    missing: '{{n}} statements have no answer yet: please answer them all.',
  },
  sending: 'Saving…',
  trouble:
    'The connection is unsteady: what you do is kept on this device and is being sent again…',
  gone: 'This study or your participation was deleted: nothing more will be recorded.',
  done: {
    title: 'All done, thank you!',
    body: 'Your answers are saved. You can close this page now.',
  },
  quit: {
    title: 'Quit the study?',
    body: 'If you quit, the task under way counts as not completed; what was recorded so far is kept for the study (with no personal data).',
    confirm: 'Quit',
    abandon: 'Give up this task, go to the next',
    cancel: 'Keep going',
    sending: 'Quitting…',
    doneTitle: 'You have left the study',
    doneBody:
      'Thank you for your time. What was recorded so far is used anonymously for the study. You can close this page now.',
  },
  errors: {
    STUDY_NOT_FOUND: 'There is no such study: it may have been deleted.',
    PARTICIPANT_NOT_FOUND: 'Your participation cannot be found: it may have been deleted.',
    STUDY_CLOSED: 'The study has all its participants and takes no more.',
    TOO_MANY_WORLDS:
      'The server is too busy to set up a new simulated phone right now. Please try again soon.',
  },
}
