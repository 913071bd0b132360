// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { ROUTE_SCHEMAS, type RouteSchemas } from '@/contract/route-schemas.ts'
import type { RouteName } from '@/contract/routes.ts'
import { FIRST_SCREEN_ANSWERS } from './call.ts'

describe('the first screen’s answers', () => {
  it('are checked against the route table’s own schemas, not copies of them', async () => {
    const names = Object.keys(FIRST_SCREEN_ANSWERS) as (keyof typeof FIRST_SCREEN_ANSWERS)[]
    expect(names).toContain('catalog')
    for (const name of names) {
      const answer = ROUTE_SCHEMAS[name].answer as RouteSchemas[RouteName]['answer']
      expect(answer === 'sse' ? answer : answer.schema).toBe(await FIRST_SCREEN_ANSWERS[name]())
    }
  })
})
