import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9379:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const ANY = Symbol('SemVer ANY')
// hoisted class for cyclic dependency
class Comparator {
  static get ANY () {
    return ANY
  }

  constructor (comp, options) {
    options = parseOptions(options)

    if (comp instanceof Comparator) {
      if (comp.loose === !!options.loose) {
        return comp
      } else {
        comp = comp.value
      }
    }

    comp = comp.trim().split(/\s+/).join(' ')
    debug('comparator', comp, options)
    this.options = options
    this.loose = !!options.loose
    this.parse(comp)

    if (this.semver === ANY) {
      this.value = ''
    } else {
      this.value = this.operator + this.semver.version
    }

    debug('comp', this)
  }

  parse (comp) {
    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR]
    const m = comp.match(r)

    if (!m) {
      throw new TypeError(`Invalid comparator: ${comp}`)
    }

    this.operator = m[1] !== undefined ? m[1] : ''
    if (this.operator === '=') {
      this.operator = ''
    }

    // if it literally is just '>' or '' then allow anything.
    if (!m[2]) {
      this.semver = ANY
    } else {
      this.semver = new SemVer(m[2], this.options.loose)
    }
  }

  toString () {
    return this.value
  }

  test (version) {
    debug('Comparator.test', version, this.options.loose)

    if (this.semver === ANY || version === ANY) {
      return true
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    return cmp(version, this.operator, this.semver, this.options)
  }

  intersects (comp, options) {
    if (!(comp instanceof Comparator)) {
      throw new TypeError('a Comparator is required')
    }

    if (this.operator === '') {
      if (this.value === '') {
        return true
      }
      return new Range(comp.value, options).test(this.value)
    } else if (comp.operator === '') {
      if (comp.value === '') {
        return true
      }
      return new Range(this.value, options).test(comp.semver)
    }

    options = parseOptions(options)

    // Special cases where nothing can possibly be lower
    if (options.includePrerelease &&
      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
      return false
    }
    if (!options.includePrerelease &&
      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
      return false
    }

    // Same direction increasing (> or >=)
    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
      return true
    }
    // Same direction decreasing (< or <=)
    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
      return true
    }
    // same SemVer and both sides are inclusive (<= or >=)
    if (
      (this.semver.version === comp.semver.version) &&
      this.operator.includes('=') && comp.operator.includes('=')) {
      return true
    }
    // opposite directions less than
    if (cmp(this.semver, '<', comp.semver, options) &&
      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
      return true
    }
    // opposite directions greater than
    if (cmp(this.semver, '>', comp.semver, options) &&
      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
      return true
    }
    return false
  }
}

module.exports = Comparator

const parseOptions = __nccwpck_require__(356)
const { safeRe: re, t } = __nccwpck_require__(5471)
const cmp = __nccwpck_require__(8646)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)


/***/ }),

/***/ 6782:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SPACE_CHARACTERS = /\s+/g

// hoisted class for cyclic dependency
class Range {
  constructor (range, options) {
    options = parseOptions(options)

    if (range instanceof Range) {
      if (
        range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease
      ) {
        return range
      } else {
        return new Range(range.raw, options)
      }
    }

    if (range instanceof Comparator) {
      // just put it in the set and return
      this.raw = range.value
      this.set = [[range]]
      this.formatted = undefined
      return this
    }

    this.options = options
    this.loose = !!options.loose
    this.includePrerelease = !!options.includePrerelease

    // First reduce all whitespace as much as possible so we do not have to rely
    // on potentially slow regexes like \s*. This is then stored and used for
    // future error messages as well.
    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ')

    // First, split on ||
    this.set = this.raw
      .split('||')
      // map the range to a 2d array of comparators
      .map(r => this.parseRange(r.trim()))
      // throw out any comparator lists that are empty
      // this generally means that it was not a valid range, which is allowed
      // in loose mode, but will still throw if the WHOLE range is invalid.
      .filter(c => c.length)

    if (!this.set.length) {
      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
    }

    // if we have any that are not the null set, throw out null sets.
    if (this.set.length > 1) {
      // keep the first one, in case they're all null sets
      const first = this.set[0]
      this.set = this.set.filter(c => !isNullSet(c[0]))
      if (this.set.length === 0) {
        this.set = [first]
      } else if (this.set.length > 1) {
        // if we have any that are *, then the range is just *
        for (const c of this.set) {
          if (c.length === 1 && isAny(c[0])) {
            this.set = [c]
            break
          }
        }
      }
    }

    this.formatted = undefined
  }

  get range () {
    if (this.formatted === undefined) {
      this.formatted = ''
      for (let i = 0; i < this.set.length; i++) {
        if (i > 0) {
          this.formatted += '||'
        }
        const comps = this.set[i]
        for (let k = 0; k < comps.length; k++) {
          if (k > 0) {
            this.formatted += ' '
          }
          this.formatted += comps[k].toString().trim()
        }
      }
    }
    return this.formatted
  }

  format () {
    return this.range
  }

  toString () {
    return this.range
  }

  parseRange (range) {
    // strip build metadata so it can't bleed into the version
    range = range.replace(BUILDSTRIPRE, '')

    // memoize range parsing for performance.
    // this is a very hot path, and fully deterministic.
    const memoOpts =
      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
      (this.options.loose && FLAG_LOOSE)
    const memoKey = memoOpts + ':' + range
    const cached = cache.get(memoKey)
    if (cached) {
      return cached
    }

    const loose = this.options.loose
    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE]
    range = range.replace(hr, hyphenReplace(this.options.includePrerelease))
    debug('hyphen replace', range)

    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
    range = trimComparatorWhitespace(range)
    debug('comparator trim', range)

    // `~ 1.2.3` => `~1.2.3`
    range = range.replace(re[t.TILDETRIM], tildeTrimReplace)
    debug('tilde trim', range)

    // `^ 1.2.3` => `^1.2.3`
    range = range.replace(re[t.CARETTRIM], caretTrimReplace)
    debug('caret trim', range)

    // At this point, the range is completely trimmed and
    // ready to be split into comparators.

    let rangeList = range
      .split(' ')
      .map(comp => parseComparator(comp, this.options))
      .join(' ')
      .split(/\s+/)
      // >=0.0.0 is equivalent to *
      .map(comp => replaceGTE0(comp, this.options))

    if (loose) {
      // in loose mode, throw out any that are not valid comparators
      rangeList = rangeList.filter(comp => {
        debug('loose invalid filter', comp, this.options)
        return !!comp.match(re[t.COMPARATORLOOSE])
      })
    }
    debug('range list', rangeList)

    // if any comparators are the null set, then replace with JUST null set
    // if more than one comparator, remove any * comparators
    // also, don't include the same comparator more than once
    const rangeMap = new Map()
    const comparators = rangeList.map(comp => new Comparator(comp, this.options))
    for (const comp of comparators) {
      if (isNullSet(comp)) {
        return [comp]
      }
      rangeMap.set(comp.value, comp)
    }
    if (rangeMap.size > 1 && rangeMap.has('')) {
      rangeMap.delete('')
    }

    const result = [...rangeMap.values()]
    cache.set(memoKey, result)
    return result
  }

  intersects (range, options) {
    if (!(range instanceof Range)) {
      throw new TypeError('a Range is required')
    }

    return this.set.some((thisComparators) => {
      return (
        isSatisfiable(thisComparators, options) &&
        range.set.some((rangeComparators) => {
          return (
            isSatisfiable(rangeComparators, options) &&
            thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options)
              })
            })
          )
        })
      )
    })
  }

  // if ANY of the sets match ALL of its comparators, then pass
  test (version) {
    if (!version) {
      return false
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    for (let i = 0; i < this.set.length; i++) {
      if (testSet(this.set[i], version, this.options)) {
        return true
      }
    }
    return false
  }
}

module.exports = Range

const LRU = __nccwpck_require__(1383)
const cache = new LRU()

const parseOptions = __nccwpck_require__(356)
const Comparator = __nccwpck_require__(9379)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const trimComparatorWhitespace = __nccwpck_require__(9737)
const {
  safeRe: re,
  src,
  t,
  tildeTrimReplace,
  caretTrimReplace,
} = __nccwpck_require__(5471)
const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = __nccwpck_require__(5101)

// unbounded global build-metadata stripper used by parseRange
const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g')

const isNullSet = c => c.value === '<0.0.0-0'
const isAny = c => c.value === ''

// take a set of comparators and determine whether there
// exists a version which can satisfy it
const isSatisfiable = (comparators, options) => {
  let result = true
  const remainingComparators = comparators.slice()
  let testComparator = remainingComparators.pop()

  while (result && remainingComparators.length) {
    result = remainingComparators.every((otherComparator) => {
      return testComparator.intersects(otherComparator, options)
    })

    testComparator = remainingComparators.pop()
  }

  return result
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
const parseComparator = (comp, options) => {
  comp = comp.replace(re[t.BUILD], '')
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

const isX = id => !id || id.toLowerCase() === 'x' || id === '*'

const invalidXRangeOrder = (M, m, p) => (
  (isX(M) && !isX(m)) ||
  (isX(m) && p && !isX(p))
)

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
// ~0.0.1 --> >=0.0.1 <0.1.0-0
const replaceTildes = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceTilde(c, options))
    .join(' ')
}

const replaceTilde = (comp, options) => {
  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE]
  // if we're including prereleases in the match, then the lower bound is
  // -0, the lowest possible prerelease value, just like x-ranges and carets.
  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('tilde', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0-0
      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = `>=${M}.${m}.${p}-${pr
      } <${M}.${+m + 1}.0-0`
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0-0
      ret = `>=${M}.${m}.${p
      } <${M}.${+m + 1}.0-0`
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
// ^1.2.3 --> >=1.2.3 <2.0.0-0
// ^1.2.0 --> >=1.2.0 <2.0.0-0
// ^0.0.1 --> >=0.0.1 <0.0.2-0
// ^0.1.0 --> >=0.1.0 <0.2.0-0
const replaceCarets = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceCaret(c, options))
    .join(' ')
}

const replaceCaret = (comp, options) => {
  debug('caret', comp, options)
  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET]
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('caret', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      if (M === '0') {
        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
      } else {
        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p}-${pr
        } <${+M + 1}.0.0-0`
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p
        } <${+M + 1}.0.0-0`
      }
    }

    debug('caret return', ret)
    return ret
  })
}

const replaceXRanges = (comp, options) => {
  debug('replaceXRanges', comp, options)
  return comp
    .split(/\s+/)
    .map((c) => replaceXRange(c, options))
    .join(' ')
}

const replaceXRange = (comp, options) => {
  comp = comp.trim()
  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE]
  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    if (invalidXRangeOrder(M, m, p)) {
      return comp
    }

    const xM = isX(M)
    const xm = xM || isX(m)
    const xp = xm || isX(p)
    const anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    // if we're including prereleases in the match, then we need
    // to fix this to -0, the lowest possible prerelease value
    pr = options.includePrerelease ? '-0' : ''

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0-0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      if (gtlt === '<') {
        pr = '-0'
      }

      ret = `${gtlt + M}.${m}.${p}${pr}`
    } else if (xm) {
      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`
    } else if (xp) {
      ret = `>=${M}.${m}.0${pr
      } <${M}.${+m + 1}.0-0`
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
const replaceStars = (comp, options) => {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp
    .trim()
    .replace(re[t.STAR], '')
}

const replaceGTE0 = (comp, options) => {
  debug('replaceGTE0', comp, options)
  return comp
    .trim()
    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
}

// This function is passed to string.replace(re[t.HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
// TODO build?
const hyphenReplace = incPr => ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr) => {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = `>=${fM}.0.0${incPr ? '-0' : ''}`
  } else if (isX(fp)) {
    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`
  } else if (fpr) {
    from = `>=${from}`
  } else {
    from = `>=${from}${incPr ? '-0' : ''}`
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = `<${+tM + 1}.0.0-0`
  } else if (isX(tp)) {
    to = `<${tM}.${+tm + 1}.0-0`
  } else if (tpr) {
    to = `<=${tM}.${tm}.${tp}-${tpr}`
  } else if (incPr) {
    to = `<${tM}.${tm}.${+tp + 1}-0`
  } else {
    to = `<=${to}`
  }

  return `${from} ${to}`.trim()
}

const testSet = (set, version, options) => {
  for (let i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (let i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === Comparator.ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        const allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}


/***/ }),

/***/ 7163:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(1159)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(5101)
const { safeRe: re, t } = __nccwpck_require__(5471)

const parseOptions = __nccwpck_require__(356)
const { compareIdentifiers } = __nccwpck_require__(3348)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 1799:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const clean = (version, options) => {
  const s = parse(version.trim().replace(/^[=v]+/, ''), options)
  return s ? s.version : null
}
module.exports = clean


/***/ }),

/***/ 8646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gt = __nccwpck_require__(6599)
const gte = __nccwpck_require__(1236)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)

const cmp = (a, op, b, loose) => {
  switch (op) {
    case '===':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a === b

    case '!==':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError(`Invalid operator: ${op}`)
  }
}
module.exports = cmp


/***/ }),

/***/ 5385:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = __nccwpck_require__(6353)
const { safeRe: re, t } = __nccwpck_require__(5471)

const coerce = (version, options) => {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version === 'number') {
    version = String(version)
  }

  if (typeof version !== 'string') {
    return null
  }

  options = options || {}

  let match = null
  if (!options.rtl) {
    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE])
  } else {
    // Find the right-most coercible string that does not share
    // a terminus with a more left-ward coercible string.
    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
    //
    // Walk through the string checking with a /g regexp
    // Manually set the index so as to pick up overlapping matches.
    // Stop when we get a match that ends at the string end, since no
    // coercible string can be more right-ward without the same terminus.
    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL]
    let next
    while ((next = coerceRtlRegex.exec(version)) &&
        (!match || match.index + match[0].length !== version.length)
    ) {
      if (!match ||
            next.index + next[0].length !== match.index + match[0].length) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }

  if (match === null) {
    return null
  }

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'
  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : ''
  const build = options.includePrerelease && match[6] ? `+${match[6]}` : ''

  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
}
module.exports = coerce


/***/ }),

/***/ 7648:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compareBuild = (a, b, loose) => {
  const versionA = new SemVer(a, loose)
  const versionB = new SemVer(b, loose)
  return versionA.compare(versionB) || versionA.compareBuild(versionB)
}
module.exports = compareBuild


/***/ }),

/***/ 6874:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const compareLoose = (a, b) => compare(a, b, true)
module.exports = compareLoose


/***/ }),

/***/ 8469:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 711:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)

const diff = (version1, version2) => {
  const v1 = parse(version1, null, true)
  const v2 = parse(version2, null, true)
  const comparison = v1.compare(v2)

  if (comparison === 0) {
    return null
  }

  const v1Higher = comparison > 0
  const highVersion = v1Higher ? v1 : v2
  const lowVersion = v1Higher ? v2 : v1
  const highHasPre = !!highVersion.prerelease.length
  const lowHasPre = !!lowVersion.prerelease.length

  if (lowHasPre && !highHasPre) {
    // Going from prerelease -> no prerelease requires some special casing

    // If the low version has only a major, then it will always be a major
    // Some examples:
    // 1.0.0-1 -> 1.0.0
    // 1.0.0-1 -> 1.1.1
    // 1.0.0-1 -> 2.0.0
    if (!lowVersion.patch && !lowVersion.minor) {
      return 'major'
    }

    // If the main part has no difference
    if (lowVersion.compareMain(highVersion) === 0) {
      if (lowVersion.minor && !lowVersion.patch) {
        return 'minor'
      }
      return 'patch'
    }
  }

  // add the `pre` prefix if we are going to a prerelease version
  const prefix = highHasPre ? 'pre' : ''

  if (v1.major !== v2.major) {
    return prefix + 'major'
  }

  if (v1.minor !== v2.minor) {
    return prefix + 'minor'
  }

  if (v1.patch !== v2.patch) {
    return prefix + 'patch'
  }

  // high and low are prereleases
  return 'prerelease'
}

module.exports = diff


/***/ }),

/***/ 5082:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const eq = (a, b, loose) => compare(a, b, loose) === 0
module.exports = eq


/***/ }),

/***/ 6599:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gt = (a, b, loose) => compare(a, b, loose) > 0
module.exports = gt


/***/ }),

/***/ 1236:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 2338:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)

const inc = (version, release, options, identifier, identifierBase) => {
  if (typeof (options) === 'string') {
    identifierBase = identifier
    identifier = options
    options = undefined
  }

  try {
    return new SemVer(
      version instanceof SemVer ? version.version : version,
      options
    ).inc(release, identifier, identifierBase).version
  } catch (er) {
    return null
  }
}
module.exports = inc


/***/ }),

/***/ 3872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lt = (a, b, loose) => compare(a, b, loose) < 0
module.exports = lt


/***/ }),

/***/ 6717:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lte = (a, b, loose) => compare(a, b, loose) <= 0
module.exports = lte


/***/ }),

/***/ 8511:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const major = (a, loose) => new SemVer(a, loose).major
module.exports = major


/***/ }),

/***/ 2603:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const minor = (a, loose) => new SemVer(a, loose).minor
module.exports = minor


/***/ }),

/***/ 4974:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const neq = (a, b, loose) => compare(a, b, loose) !== 0
module.exports = neq


/***/ }),

/***/ 6353:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 8756:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const patch = (a, loose) => new SemVer(a, loose).patch
module.exports = patch


/***/ }),

/***/ 5714:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const prerelease = (version, options) => {
  const parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}
module.exports = prerelease


/***/ }),

/***/ 2173:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const rcompare = (a, b, loose) => compare(b, a, loose)
module.exports = rcompare


/***/ }),

/***/ 7192:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose))
module.exports = rsort


/***/ }),

/***/ 8011:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const satisfies = (version, range, options) => {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}
module.exports = satisfies


/***/ }),

/***/ 9872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose))
module.exports = sort


/***/ }),

/***/ 6114:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)

const truncate = (version, truncation, options) => {
  if (!constants.RELEASE_TYPES.includes(truncation)) {
    return null
  }

  const clonedVersion = cloneInputVersion(version, options)
  return clonedVersion && doTruncation(clonedVersion, truncation)
}

const cloneInputVersion = (version, options) => {
  const versionStringToParse = (
    version instanceof SemVer ? version.version : version
  )

  return parse(versionStringToParse, options)
}

const doTruncation = (version, truncation) => {
  if (isPrerelease(truncation)) {
    return version.version
  }

  version.prerelease = []

  switch (truncation) {
    case 'major':
      version.minor = 0
      version.patch = 0
      break
    case 'minor':
      version.patch = 0
      break
  }

  return version.format()
}

const isPrerelease = (type) => {
  return type.startsWith('pre')
}

module.exports = truncate


/***/ }),

/***/ 8780:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const valid = (version, options) => {
  const v = parse(version, options)
  return v ? v.version : null
}
module.exports = valid


/***/ }),

/***/ 2088:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// just pre-load all the stuff that index.js lazily exports
const internalRe = __nccwpck_require__(5471)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)
const identifiers = __nccwpck_require__(3348)
const parse = __nccwpck_require__(6353)
const valid = __nccwpck_require__(8780)
const clean = __nccwpck_require__(1799)
const inc = __nccwpck_require__(2338)
const diff = __nccwpck_require__(711)
const major = __nccwpck_require__(8511)
const minor = __nccwpck_require__(2603)
const patch = __nccwpck_require__(8756)
const prerelease = __nccwpck_require__(5714)
const compare = __nccwpck_require__(8469)
const rcompare = __nccwpck_require__(2173)
const compareLoose = __nccwpck_require__(6874)
const compareBuild = __nccwpck_require__(7648)
const sort = __nccwpck_require__(9872)
const rsort = __nccwpck_require__(7192)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gte = __nccwpck_require__(1236)
const lte = __nccwpck_require__(6717)
const cmp = __nccwpck_require__(8646)
const coerce = __nccwpck_require__(5385)
const truncate = __nccwpck_require__(6114)
const Comparator = __nccwpck_require__(9379)
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const toComparators = __nccwpck_require__(4750)
const maxSatisfying = __nccwpck_require__(3193)
const minSatisfying = __nccwpck_require__(8595)
const minVersion = __nccwpck_require__(1866)
const validRange = __nccwpck_require__(4737)
const outside = __nccwpck_require__(280)
const gtr = __nccwpck_require__(2276)
const ltr = __nccwpck_require__(5213)
const intersects = __nccwpck_require__(3465)
const simplifyRange = __nccwpck_require__(2028)
const subset = __nccwpck_require__(1489)
module.exports = {
  parse,
  valid,
  clean,
  inc,
  diff,
  major,
  minor,
  patch,
  prerelease,
  compare,
  rcompare,
  compareLoose,
  compareBuild,
  sort,
  rsort,
  gt,
  lt,
  eq,
  neq,
  gte,
  lte,
  cmp,
  coerce,
  truncate,
  Comparator,
  Range,
  satisfies,
  toComparators,
  maxSatisfying,
  minSatisfying,
  minVersion,
  validRange,
  outside,
  gtr,
  ltr,
  intersects,
  simplifyRange,
  subset,
  SemVer,
  re: internalRe.re,
  src: internalRe.src,
  tokens: internalRe.t,
  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
  RELEASE_TYPES: constants.RELEASE_TYPES,
  compareIdentifiers: identifiers.compareIdentifiers,
  rcompareIdentifiers: identifiers.rcompareIdentifiers,
}


/***/ }),

/***/ 5101:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 1159:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 3348:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 1383:
/***/ ((module) => {



class LRUCache {
  constructor () {
    this.max = 1000
    this.map = new Map()
  }

  get (key) {
    const value = this.map.get(key)
    if (value === undefined) {
      return undefined
    } else {
      // Remove the key from the map and add it to the end
      this.map.delete(key)
      this.map.set(key, value)
      return value
    }
  }

  delete (key) {
    return this.map.delete(key)
  }

  set (key, value) {
    const deleted = this.delete(key)

    if (!deleted && value !== undefined) {
      // If cache is full, delete the least recently used item
      if (this.map.size >= this.max) {
        const firstKey = this.map.keys().next().value
        this.delete(firstKey)
      }

      this.map.set(key, value)
    }

    return this
  }
}

module.exports = LRUCache


/***/ }),

/***/ 356:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 5471:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(5101)
const debug = __nccwpck_require__(1159)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 9737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// @ts-check


// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
// validation. Each end-index finder returns an exclusive end, or its start
// on no match.
// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
// range.slice(start, end) gives the matched text, not a converted number.
const {
  MAX_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  WHITESPACE_CHARACTERS,
} = __nccwpck_require__(5101)

/**
 * Remembers the last two rows of digits so their characters need not be reread.
 * Positions start at -1 until a row has been found.
 *
 * @typedef {object} DigitRunCache
 * @property {number} start The first character of the most recently found row.
 * @property {number} end The position after that row's last character.
 * @property {number} previousStart The first character of the previous row.
 * @property {number} previousEnd The position after the previous row.
 */

// One entry per UTF-16 code unit keeps membership checks constant-time.
const whitespace = new Uint8Array(0x10000)
for (const char of WHITESPACE_CHARACTERS) {
  whitespace[char.charCodeAt(0)] = 1
}

/**
 * Checks whether a character is whitespace, like a space, tab, or newline.
 * Looking past the end of the string returns false.
 *
 * @param {string|undefined} char One character, or undefined past the string's end.
 * @returns {boolean} Whether the character is whitespace.
 * @example isWhitespace(' ') // true
 * @example isWhitespace('1') // false
 */
const isWhitespace = char =>
  char !== undefined && whitespace[char.charCodeAt(0)] === 1

/**
 * Checks for v, =, or whitespace before the version number.
 * These are historical version prefixes, not range operators:
 * < and > are handled separately, as are tilde and caret ranges.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can belong to a version prefix.
 * @example isVersionPrefix('=') // true
 * @example isVersionPrefix('>') // false
 */
const isVersionPrefix = char =>
  char === 'v' ||
  char === '=' ||
  isWhitespace(char)

/**
 * Checks whether a character is one of the digits 0 through 9.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII digit.
 * @example isDigit('7') // true
 * @example isDigit('.') // false
 */
const isDigit = char => char !== undefined && char >= '0' && char <= '9'

/**
 * Checks whether a character is an English letter, uppercase or lowercase.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII letter.
 * @example isLetter('b') // true
 * @example isLetter('7') // false
 */
const isLetter = char =>
  char !== undefined && (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z')
  )

/**
 * Checks for a letter, digit, or hyphen: the characters allowed inside
 * prerelease and build names such as beta-1.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can be part of an identifier.
 * @example isIdentifierCharacter('-') // true
 * @example isIdentifierCharacter('.') // false; dots separate identifiers
 */
const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-'

/**
 * Checks whether a version component can begin here: with a digit or
 * a wildcard such as x, X, or *.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether a number or wildcard can start with this character.
 * @example isVersionStart('x') // true
 * @example isVersionStart('v') // false; v belongs to the prefix
 */
const isVersionStart = char =>
  isDigit(char) ||
  char === 'x' ||
  char === 'X' ||
  char === '*'

/**
 * Finds the end of a row of digits, but returns no more than limit digits.
 * Remembers the last two rows so looking at them again does not reread them.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first character to check.
 * @param {number} limit The most digit characters the returned match can include.
 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
 * @returns {number} The position after the matched digits, or start if none match.
 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
 */
const findDigitsEndIndex = (range, start, limit, digitRuns) => {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  let end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

/**
 * Reads a number using the old regex's length and leading-zero rules.
 * Strict mode reads just the first zero in 012; loose mode can read all three.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the number should begin.
 * @param {boolean} loose Whether to allow leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched digits, not their numeric value.
 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
 */
const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

/**
 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
 * Tries the letter-or-hyphen form first, then the number-only form.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
 */
const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns)
  // The legacy regex tries a nonnumeric identifier before a numeric one.
  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
    let end = digitsEnd + 1
    const limit = end + MAX_SAFE_BUILD_LENGTH
    while (end < limit && isIdentifierCharacter(range[end])) {
      end++
    }
    return end
  }
  return findVersionNumberEndIndex(range, start, loose, digitRuns)
}

/**
 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
 * Loose mode also allows the name without its opening hyphen.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the suffix should begin, including -.
 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched suffix, or start if absent.
 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
 */
const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
  const hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  const identifierStart = start + (hyphen ? 1 : 0)
  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    // In loose syntax, a lone hyphen can itself be the identifier.
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads one build-name piece, such as sha or 123 in +sha.123.
 * Stops at a disallowed character or the old regex's length limit.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
 */
const findBuildIdentifierEndIndex = (range, start) => {
  let end = start
  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

/**
 * Reads optional build metadata such as +sha.123.
 * Leaves the position unchanged if there is no plus sign followed by a name.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the opening + should be.
 * @returns {number} The position after the matched metadata, or start if absent.
 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
 */
const findBuildEndIndex = (range, start) => {
  if (range[start] !== '+') {
    return start
  }
  let end = findBuildIdentifierEndIndex(range, start + 1)
  if (end === start + 1) {
    return start
  }
  while (range[end] === '.') {
    const next = findBuildIdentifierEndIndex(range, end + 1)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads three numbers separated by dots, then any prerelease and build suffixes.
 * Uses loose rules, so forms such as 01.02.03beta can match here.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first number, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the version match, or start if none matches.
 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
 */
const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
  let end = start
  for (let component = 0; component < 3; component++) {
    const next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
 * Numbers use strict leading-zero rules; wildcards take up one character.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the component should begin.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the component, or start if none matches.
 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
 */
const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

/**
 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
 * After the third component, also reads any strict prerelease and build suffixes.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched version text.
 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
 */
const findPartialVersionEndIndex = (range, start, digitRuns) => {
  let end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (let component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Finds where a version match ends, without deciding whether the range is valid.
 * Tries a loose full version first, then a partial or wildcard version, just
 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position where scanning the next candidate can resume.
 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 */
const findVersionEndIndex = (range, start, digitRuns) => {
  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns)
  return fullVersionEnd !== start
    ? fullVersionEnd
    : findPartialVersionEndIndex(range, start, digitRuns)
}

/**
 * Finds the one whitespace character the old replacement would remove.
 * Keeps leading whitespace, skips an optional operator, and checks immediately
 * after it. Returns -1 if there is nothing to remove.
 *
 * @param {string} range The text containing a candidate already found by the caller.
 * @param {number} matchStart The candidate's position, including leading whitespace.
 * @returns {number} The position of the removable whitespace, or -1 if absent.
 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
 * @example findRemovableWhitespaceIndex('>1', 0) // -1
 */
const findRemovableWhitespaceIndex = (range, matchStart) => {
  let position = matchStart
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

/**
 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
 * Copies everything else according to the old regex's matching rules.
 * Moves forward through prefixes and whole versions to avoid repeatedly
 * searching the same characters on long inputs.
 *
 * @param {string} range The range text to process; the original string is unchanged.
 * @returns {string} The range with matched operator whitespace removed.
 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
 * @example trimComparatorWhitespace('> invalid') // '> invalid'
 */
const trimComparatorWhitespace = range => {
  let result = ''
  let copyFrom = 0
  let cursor = 0
  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }

  while (cursor < range.length) {
    const matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }

    // Consume a v/=/whitespace run once, even when no version follows it.
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }

    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }

    // Skip the entire match, so a prerelease's trailing v cannot be
    // reconsidered as the prefix of another version.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }

  return result + range.slice(copyFrom)
}

module.exports = trimComparatorWhitespace


/***/ }),

/***/ 2276:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// Determine if version is greater than all the versions possible in the range.
const outside = __nccwpck_require__(280)
const gtr = (version, range, options) => outside(version, range, '>', options)
module.exports = gtr


/***/ }),

/***/ 3465:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const intersects = (r1, r2, options) => {
  r1 = new Range(r1, options)
  r2 = new Range(r2, options)
  return r1.intersects(r2, options)
}
module.exports = intersects


/***/ }),

/***/ 5213:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const outside = __nccwpck_require__(280)
// Determine if version is less than all the versions possible in the range
const ltr = (version, range, options) => outside(version, range, '<', options)
module.exports = ltr


/***/ }),

/***/ 3193:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)

const maxSatisfying = (versions, range, options) => {
  let max = null
  let maxSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}
module.exports = maxSatisfying


/***/ }),

/***/ 8595:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const minSatisfying = (versions, range, options) => {
  let min = null
  let minSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!min || minSV.compare(v) === 1) {
        // compare(min, v, true)
        min = v
        minSV = new SemVer(min, options)
      }
    }
  })
  return min
}
module.exports = minSatisfying


/***/ }),

/***/ 1866:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const gt = __nccwpck_require__(6599)

const minVersion = (range, loose) => {
  range = new Range(range, loose)

  let minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let setMin = null
    comparators.forEach((comparator) => {
      // Clone to avoid manipulating the comparator's semver object.
      const compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!setMin || gt(compver, setMin)) {
            setMin = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error(`Unexpected operation: ${comparator.operator}`)
      }
    })
    if (setMin && (!minver || gt(minver, setMin))) {
      minver = setMin
    }
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}
module.exports = minVersion


/***/ }),

/***/ 280:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)
const gte = __nccwpck_require__(1236)

const outside = (version, range, hilo, options) => {
  version = new SemVer(version, options)
  range = new Range(range, options)

  let gtfn, ltefn, ltfn, comp, ecomp
  switch (hilo) {
    case '>':
      gtfn = gt
      ltefn = lte
      ltfn = lt
      comp = '>'
      ecomp = '>='
      break
    case '<':
      gtfn = lt
      ltefn = gte
      ltfn = gt
      comp = '<'
      ecomp = '<='
      break
    default:
      throw new TypeError('Must provide a hilo val of "<" or ">"')
  }

  // If it satisfies the range it is not outside
  if (satisfies(version, range, options)) {
    return false
  }

  // From now on, variable terms are as if we're in "gtr" mode.
  // but note that everything is flipped for the "ltr" function.

  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let high = null
    let low = null

    comparators.forEach((comparator) => {
      if (comparator.semver === ANY) {
        comparator = new Comparator('>=0.0.0')
      }
      high = high || comparator
      low = low || comparator
      if (gtfn(comparator.semver, high.semver, options)) {
        high = comparator
      } else if (ltfn(comparator.semver, low.semver, options)) {
        low = comparator
      }
    })

    // If the edge version comparator has a operator then our version
    // isn't outside it
    if (high.operator === comp || high.operator === ecomp) {
      return false
    }

    // If the lowest version comparator has an operator and our version
    // is less than it then it isn't higher than the range
    if ((!low.operator || low.operator === comp) &&
        ltefn(version, low.semver)) {
      return false
    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
      return false
    }
  }
  return true
}

module.exports = outside


/***/ }),

/***/ 2028:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// given a set of versions and a range, create a "simplified" range
// that includes the same versions that the original range does
// If the original range is shorter than the simplified one, return that.
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)
module.exports = (versions, range, options) => {
  const set = []
  let first = null
  let prev = null
  const v = versions.sort((a, b) => compare(a, b, options))
  for (const version of v) {
    const included = satisfies(version, range, options)
    if (included) {
      prev = version
      if (!first) {
        first = version
      }
    } else {
      if (prev) {
        set.push([first, prev])
      }
      prev = null
      first = null
    }
  }
  if (first) {
    set.push([first, null])
  }

  const ranges = []
  for (const [min, max] of set) {
    if (min === max) {
      ranges.push(min)
    } else if (!max && min === v[0]) {
      ranges.push('*')
    } else if (!max) {
      ranges.push(`>=${min}`)
    } else if (min === v[0]) {
      ranges.push(`<=${max}`)
    } else {
      ranges.push(`${min} - ${max}`)
    }
  }
  const simplified = ranges.join(' || ')
  const original = typeof range.raw === 'string' ? range.raw : String(range)
  return simplified.length < original.length ? simplified : range
}


/***/ }),

/***/ 1489:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)

// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
// - Every simple range `r1, r2, ...` is a null set, OR
// - Every simple range `r1, r2, ...` which is not a null set is a subset of
//   some `R1, R2, ...`
//
// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
// - If c is only the ANY comparator
//   - If C is only the ANY comparator, return true
//   - Else if in prerelease mode, return false
//   - else replace c with `[>=0.0.0]`
// - If C is only the ANY comparator
//   - if in prerelease mode, return true
//   - else replace C with `[>=0.0.0]`
// - Let EQ be the set of = comparators in c
// - If EQ is more than one, return true (null set)
// - Let GT be the highest > or >= comparator in c
// - Let LT be the lowest < or <= comparator in c
// - If GT and LT, and GT.semver > LT.semver, return true (null set)
// - If any C is a = range, and GT or LT are set, return false
// - If EQ
//   - If GT, and EQ does not satisfy GT, return true (null set)
//   - If LT, and EQ does not satisfy LT, return true (null set)
//   - If EQ satisfies every C, return true
//   - Else return false
// - If GT
//   - If GT.semver is lower than any > or >= comp in C, return false
//   - If GT is >=, and GT.semver does not satisfy every C, return false
//   - If GT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the GT.semver tuple, return false
// - If LT
//   - If LT.semver is greater than any < or <= comp in C, return false
//   - If LT is <=, and LT.semver does not satisfy every C, return false
//   - If LT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the LT.semver tuple, return false
// - Else return true

const subset = (sub, dom, options = {}) => {
  if (sub === dom) {
    return true
  }

  sub = new Range(sub, options)
  dom = new Range(dom, options)
  let sawNonNull = false

  OUTER: for (const simpleSub of sub.set) {
    for (const simpleDom of dom.set) {
      const isSub = simpleSubset(simpleSub, simpleDom, options)
      sawNonNull = sawNonNull || isSub !== null
      if (isSub) {
        continue OUTER
      }
    }
    // the null set is a subset of everything, but null simple ranges in
    // a complex range should be ignored.  so if we saw a non-null range,
    // then we know this isn't a subset, but if EVERY simple range was null,
    // then it is a subset.
    if (sawNonNull) {
      return false
    }
  }
  return true
}

const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')]
const minimumVersion = [new Comparator('>=0.0.0')]

const simpleSubset = (sub, dom, options) => {
  if (sub === dom) {
    return true
  }

  if (sub.length === 1 && sub[0].semver === ANY) {
    if (dom.length === 1 && dom[0].semver === ANY) {
      return true
    } else if (options.includePrerelease) {
      sub = minimumVersionWithPreRelease
    } else {
      sub = minimumVersion
    }
  }

  if (dom.length === 1 && dom[0].semver === ANY) {
    if (options.includePrerelease) {
      return true
    } else {
      dom = minimumVersion
    }
  }

  const eqSet = new Set()
  let gt, lt
  for (const c of sub) {
    if (c.operator === '>' || c.operator === '>=') {
      gt = higherGT(gt, c, options)
    } else if (c.operator === '<' || c.operator === '<=') {
      lt = lowerLT(lt, c, options)
    } else {
      eqSet.add(c.semver)
    }
  }

  if (eqSet.size > 1) {
    return null
  }

  let gtltComp
  if (gt && lt) {
    gtltComp = compare(gt.semver, lt.semver, options)
    if (gtltComp > 0) {
      return null
    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
      return null
    }
  }

  // will iterate one or zero times
  for (const eq of eqSet) {
    if (gt && !satisfies(eq, String(gt), options)) {
      return null
    }

    if (lt && !satisfies(eq, String(lt), options)) {
      return null
    }

    for (const c of dom) {
      if (!satisfies(eq, String(c), options)) {
        return false
      }
    }

    return true
  }

  let higher, lower
  let hasDomLT, hasDomGT
  // if the subset has a prerelease, we need a comparator in the superset
  // with the same tuple and a prerelease, or it's not a subset
  let needDomLTPre = lt &&
    !options.includePrerelease &&
    lt.semver.prerelease.length ? lt.semver : false
  let needDomGTPre = gt &&
    !options.includePrerelease &&
    gt.semver.prerelease.length ? gt.semver : false
  // exception: <1.2.3-0 is the same as <1.2.3
  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
    needDomLTPre = false
  }

  for (const c of dom) {
    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>='
    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<='
    if (gt) {
      if (needDomGTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomGTPre.major &&
            c.semver.minor === needDomGTPre.minor &&
            c.semver.patch === needDomGTPre.patch) {
          needDomGTPre = false
        }
      }
      if (c.operator === '>' || c.operator === '>=') {
        higher = higherGT(gt, c, options)
        if (higher === c && higher !== gt) {
          return false
        }
      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
        return false
      }
    }
    if (lt) {
      if (needDomLTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomLTPre.major &&
            c.semver.minor === needDomLTPre.minor &&
            c.semver.patch === needDomLTPre.patch) {
          needDomLTPre = false
        }
      }
      if (c.operator === '<' || c.operator === '<=') {
        lower = lowerLT(lt, c, options)
        if (lower === c && lower !== lt) {
          return false
        }
      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
        return false
      }
    }
    if (!c.operator && (lt || gt) && gtltComp !== 0) {
      return false
    }
  }

  // if there was a < or >, and nothing in the dom, then must be false
  // UNLESS it was limited by another range in the other direction.
  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
  if (gt && hasDomLT && !lt && gtltComp !== 0) {
    return false
  }

  if (lt && hasDomGT && !gt && gtltComp !== 0) {
    return false
  }

  // we needed a prerelease range in a specific tuple, but didn't get one
  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
  // because it includes prereleases in the 1.2.3 tuple
  if (needDomGTPre || needDomLTPre) {
    return false
  }

  return true
}

// >=1.2.3 is lower than >1.2.3
const higherGT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp > 0 ? a
    : comp < 0 ? b
    : b.operator === '>' && a.operator === '>=' ? b
    : a
}

// <=1.2.3 is higher than <1.2.3
const lowerLT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp < 0 ? a
    : comp > 0 ? b
    : b.operator === '<' && a.operator === '<=' ? b
    : a
}

module.exports = subset


/***/ }),

/***/ 4750:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)

// Mostly just for testing and legacy API reasons
const toComparators = (range, options) =>
  new Range(range, options).set
    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '))

module.exports = toComparators


/***/ }),

/***/ 4737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const validRange = (range, options) => {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}
module.exports = validRange


/***/ }),

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k7: () => (/* binding */ Output),
/* harmony export */   pd: () => (/* binding */ Input),
/* harmony export */   zv: () => (/* binding */ StateKey)
/* harmony export */ });
// Every input, output and state name in one place, so a typo is a compile error rather than a silent ''.
var Input;
(function (Input) {
    Input["Mode"] = "mode";
    Input["Platforms"] = "platforms";
    Input["Runners"] = "runners";
    Input["HandoffDir"] = "handoff-dir";
    Input["Publish"] = "publish";
    Input["Cleanup"] = "cleanup";
    Input["CleanupTags"] = "cleanup-tags";
    Input["StaleTagHours"] = "stale-tag-hours";
    Input["TempTagPrefix"] = "temp-tag-prefix";
    Input["Qemu"] = "qemu";
    Input["QemuImage"] = "qemu-image";
    Input["Builder"] = "builder";
    Input["Driver"] = "driver";
    Input["DriverOpts"] = "driver-opts";
    Input["BuildkitdConfigInline"] = "buildkitd-config-inline";
    Input["BuildkitdFlags"] = "buildkitd-flags";
    Input["Context"] = "context";
    Input["File"] = "file";
    Input["Target"] = "target";
    Input["Tags"] = "tags";
    Input["Labels"] = "labels";
    Input["Annotations"] = "annotations";
    Input["BuildArgs"] = "build-args";
    Input["BuildContexts"] = "build-contexts";
    Input["Secrets"] = "secrets";
    Input["SecretFiles"] = "secret-files";
    Input["Ssh"] = "ssh";
    Input["CacheFrom"] = "cache-from";
    Input["CacheTo"] = "cache-to";
    Input["Cache"] = "cache";
    Input["Provenance"] = "provenance";
    Input["Sbom"] = "sbom";
    Input["NoCache"] = "no-cache";
    Input["Pull"] = "pull";
    Input["Network"] = "network";
    Input["Outputs"] = "outputs";
    Input["Load"] = "load";
    Input["SecretEnvs"] = "secret-envs";
    Input["Attests"] = "attests";
    Input["NoCacheFilters"] = "no-cache-filters";
    Input["AddHosts"] = "add-hosts";
    Input["Allow"] = "allow";
    Input["ShmSize"] = "shm-size";
    Input["Ulimit"] = "ulimit";
    Input["CgroupParent"] = "cgroup-parent";
    Input["Call"] = "call";
    Input["Push"] = "push";
    Input["GithubToken"] = "github-token";
})(Input || (Input = {}));
var Output;
(function (Output) {
    Output["Digest"] = "digest";
    Output["PlatformDigests"] = "platform-digests";
    Output["Metadata"] = "metadata";
    Output["PlatformMetadata"] = "platform-metadata";
    Output["BuilderPlatforms"] = "platforms";
    Output["ImageId"] = "imageid";
    Output["Plan"] = "plan";
})(Output || (Output = {}));
var StateKey;
(function (StateKey) {
    /** Set by main; its presence tells the shared entry point that it runs as the post step. */
    StateKey["IsPost"] = "isPost";
    /** The RunState JSON (src/state.ts). */
    StateKey["Run"] = "run";
})(StateKey || (StateKey = {}));


/***/ }),

/***/ 9683:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Vk: () => (/* binding */ setUpBuilder),
/* harmony export */   Z7: () => (/* binding */ chooseBuilder),
/* harmony export */   i7: () => (/* binding */ createdBuilderPrefix)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3838);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7242);
/* harmony import */ var _plan_buildx_args_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6737);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(3728);
/* harmony import */ var _plan_temporary_tag_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(2661);
// The buildx builder: the one the user named, the engine's own (driver docker), or one this run creates and
// post removes.








/**
 * Which builder this run will use, and whether it creates it (so state can record it before it exists). A created
 * builder's name is unique per step: run, attempt and step, when the step started, and a hash of its platforms,
 * so that matrix legs of one job sharing a self-hosted engine never take each other's builder.
 */
function chooseBuilder(inputs, run) {
    if (inputs.builder !== '')
        return { name: inputs.builder, create: false };
    if (inputs.driver === 'docker')
        return { create: false };
    const platforms = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(inputs.platforms.map(_platform_js__WEBPACK_IMPORTED_MODULE_6__/* .formatPlatform */ .Bq).join(',')).digest('hex');
    return { name: `${createdBuilderPrefix(run)}${run.startedAt.toString(36)}-${platforms.slice(0, 8)}`, create: true };
}
/** How the names of the builders this step creates begin: run, attempt and step; start time and platforms follow. */
function createdBuilderPrefix(run) {
    return `multiarch-${run.runId}-${run.runAttempt}-${(0,_plan_temporary_tag_js__WEBPACK_IMPORTED_MODULE_7__/* .stepHash */ .n4)(run)}-`;
}
/** Sets the builder up and gives its facts; its platforms become the `platforms` output, as setup-buildx gives. */
async function setUpBuilder(inputs, choice, docker, tempDir) {
    const { context, containerdImageStore, buildxVersion } = await docker.engineFacts();
    // The engine's own builder: named after the docker context, driver docker.
    if (choice.name === undefined) {
        setPlatformsOutput((await docker.inspectBuilder(context)).platforms);
        return { name: context, driver: 'docker', multiPlatform: containerdImageStore, created: false, buildxVersion };
    }
    const name = choice.name;
    if (choice.create) {
        let config;
        if (inputs.buildkitdConfigInline.trim() !== '') {
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(tempDir, `${name}-buildkitd.toml`);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, inputs.buildkitdConfigInline);
            config = { file, buildxVersion };
        }
        await docker.buildx((0,_plan_buildx_args_js__WEBPACK_IMPORTED_MODULE_5__/* .buildxCreateArgs */ .OC)(name, inputs.driver, inputs.driverOpts, inputs.buildkitdFlags, config));
    }
    const { driver, platforms } = await docker.inspectBuilder(name);
    setPlatformsOutput(platforms);
    // Only the docker driver depends on the engine: without the containerd image store it builds one platform.
    const multiPlatform = driver !== 'docker' || containerdImageStore;
    return { name, driver, multiPlatform, created: choice.create, buildxVersion };
}
/** The platforms of every node, each once, comma separated. */
function setPlatformsOutput(platforms) {
    _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Output */ .k7.BuilderPlatforms, [...new Set(platforms)].join(','));
}


/***/ }),

/***/ 1670:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Vo: () => (/* binding */ DockerCli)
/* harmony export */ });
/* unused harmony exports parseEngineFacts, parseBuilderInspection */
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8286);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1721);
// The docker commands this action runs, each a method, so callers never assemble `docker` argv themselves. Every
// command goes through the docker CLI, as users run it: it honours their contexts, DOCKER_HOST, DOCKER_CONFIG, TLS
// settings and plugin directories.


class DockerCli {
    run;
    #engineFacts;
    constructor(run = _command_js__WEBPACK_IMPORTED_MODULE_1__/* .runCommand */ .d1) {
        this.run = run;
    }
    async ok(args, options = {}) {
        const result = await this.run('docker', args, options);
        if (result.exitCode !== 0)
            throw new _command_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Qd(`docker ${args.slice(0, 3).join(' ')}`, result);
        return result;
    }
    /** The context, buildx's version and the image store, from one `docker info`; asked once per step. */
    engineFacts() {
        this.#engineFacts ??= this.ok(['info', '--format', ENGINE_FACTS_FORMAT], { quiet: true }).then(({ stdout }) => parseEngineFacts(stdout));
        return this.#engineFacts;
    }
    async buildxVersion() {
        return (await this.engineFacts()).buildxVersion;
    }
    async inspectBuilder(name) {
        const { stdout } = await this.ok(['buildx', 'inspect', '--bootstrap', name], { quiet: true });
        return parseBuilderInspection(stdout);
    }
    /** A buildx command, argv from `buildx` on. */
    async buildx(args, options = {}) {
        return this.ok(args, options);
    }
    async removeBuilder(name) {
        await this.ok(['buildx', 'rm', '--force', name], { quiet: true });
    }
    /** Gives an image in the engine another name. */
    async tagImage(source, target) {
        await this.ok(['image', 'tag', source, (0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .formatReference */ .FH)(target)], { quiet: true });
    }
    /** Untags images in the engine (an image goes when its last name does); a name already gone is no failure. */
    async untagImages(names) {
        const failures = [];
        for (const name of names) {
            const result = await this.run('docker', ['image', 'rm', name], { quiet: true });
            if (result.exitCode !== 0 && !/No such image/i.test(result.stderr))
                failures.push((0,_command_js__WEBPACK_IMPORTED_MODULE_1__/* .errorSummary */ .N5)(result));
        }
        if (failures.length > 0)
            throw new Error(`docker image rm ${names.join(' ')} failed: ${failures.join('\n')}`);
    }
    /** Registers QEMU emulators with the binfmt image (the way that needs no root on the host, only the engine). */
    async installBinfmt(image, architectures) {
        await this.ok(['run', '--rm', '--privileged', image, '--install', architectures.join(',')]);
    }
}
/** One JSON object: the client's facts (context, plugins) and the engine's storage driver status. */
const ENGINE_FACTS_FORMAT = '{"client":{{json .ClientInfo}},"driverStatus":{{json .DriverStatus}}}';
/** Reads what `docker info --format ENGINE_FACTS_FORMAT` prints (Docker CLI 20.10 or later). */
function parseEngineFacts(text) {
    let info;
    try {
        info = JSON.parse(text);
    }
    catch {
        throw new Error(`cannot read the docker client's facts from \`docker info\`: ${text.trim()}`);
    }
    const client = info.client ?? {};
    const buildx = client.Plugins?.find((plugin) => plugin.Name === 'buildx');
    if (!buildx)
        throw new Error('docker buildx is not installed: `docker info` lists no buildx CLI plugin');
    const buildxVersion = /\bv?(\d+\.\d+\.\d+)/.exec(buildx.Version ?? '')?.[1];
    if (!buildxVersion) {
        throw new Error(`cannot read the buildx version from \`docker info\`: ${buildx.Err ?? buildx.Version ?? ''}`);
    }
    if (!client.Context)
        throw new Error('`docker info` names no docker context (Docker CLI 20.10 or later is needed)');
    return {
        context: client.Context,
        buildxVersion,
        // The storage driver status names containerd's snapshotter when images live in containerd.
        containerdImageStore: JSON.stringify(info.driverStatus ?? null).includes('io.containerd.snapshotter'),
    };
}
/** Reads `docker buildx inspect` output: the builder's driver and the platforms of its nodes. */
function parseBuilderInspection(text) {
    const field = (label) => text
        .split('\n')
        .filter((line) => line.startsWith(`${label}:`))
        .map((line) => line.slice(label.length + 1).trim());
    const driver = field('Driver')[0];
    if (!driver)
        throw new Error(`cannot read the driver from \`docker buildx inspect\`:\n${text}`);
    const platforms = field('Platforms')
        .flatMap((line) => line.split(','))
        .map((platform) => platform.trim().replace(/\*$/, ''))
        .filter(Boolean);
    return { driver, platforms };
}


/***/ }),

/***/ 1721:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N5: () => (/* binding */ errorSummary),
/* harmony export */   Qd: () => (/* binding */ CommandError),
/* harmony export */   d1: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7187);
// The one place that starts processes for the action's own commands (docker and its buildx plugin): @actions/exec
// behind a small function type, so that orchestration can be tested with a fake runner and the e2e tests meet the
// real CLI.

class CommandError extends Error {
    command;
    result;
    name = 'CommandError';
    constructor(command, result) {
        super(`\`${command}\` failed (exit ${result.exitCode}): ${errorSummary(result)}`);
        this.command = command;
        this.result = result;
    }
}
/** The lines that say what went wrong: buildx's `ERROR:` lines, else the last lines of stderr. */
function errorSummary(result) {
    const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((line) => line.trim());
    const errors = lines.filter((line) => /^(#\d+ )?(ERROR|error)[:\s]/.test(line));
    const chosen = errors.length > 0 ? errors : result.stderr.trim().split('\n').slice(-5);
    return chosen.join('\n').trim() || '(no error output)';
}
/**
 * Runs a command to its end and returns its exit code and output, whatever the exit code. A shown command is echoed
 * by @actions/exec (`[command]…`, then its output); with a line prefix, each output line is echoed under it instead.
 */
const runCommand = async (command, args, options = {}) => {
    const { quiet = false, linePrefix } = options;
    const echoPrefixed = !quiet && linePrefix !== undefined
        ? (line) => void process.stdout.write(`${linePrefix}${line}\n`)
        : undefined;
    const result = await _actions_exec__WEBPACK_IMPORTED_MODULE_0__.getExecOutput(command, args, {
        ignoreReturnCode: true,
        silent: quiet || echoPrefixed !== undefined,
        ...(echoPrefixed ? { listeners: { stdline: echoPrefixed, errline: echoPrefixed } } : {}),
    });
    // @actions/exec hands a last line without a newline to no line listener: it is echoed here.
    for (const text of echoPrefixed ? [result.stdout, result.stderr] : []) {
        const lastLine = text.slice(text.lastIndexOf('\n') + 1);
        if (lastLine !== '')
            echoPrefixed?.(lastLine);
    }
    return result;
};


/***/ }),

/***/ 6587:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
// How a caught error reads in a message: what was thrown need not be an Error.
/** The error's message, or what was thrown, as text. */
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 3734:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* binding */ platformDigests),
/* harmony export */   Hw: () => (/* binding */ assembleIndex),
/* harmony export */   Jt: () => (/* binding */ serializeIndex),
/* harmony export */   OS: () => (/* binding */ platformManifests),
/* harmony export */   Z9: () => (/* binding */ indexProblems)
/* harmony export */ });
/* unused harmony export isAttestation */
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3728);
/* harmony import */ var _registry_types_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(234);
// The image index this action publishes: assembled from what the builds pushed, and checked before anything is
// published. Pure: manifests and configs come in as data.


const ATTESTATION_TYPE = 'attestation-manifest';
/** BuildKit's attestation manifests: `unknown/unknown`, pointing at the image they describe. */
function isAttestation(descriptor) {
    return (descriptor.annotations?.['vnd.docker.reference.type'] === ATTESTATION_TYPE ||
        (descriptor.platform?.os === 'unknown' && descriptor.platform.architecture === 'unknown'));
}
function platformManifests(index) {
    return index.manifests.filter((descriptor) => !isAttestation(descriptor));
}
/**
 * One index over every build's images: platform manifests first (in build order), then the attestation
 * manifests that describe them, as buildx orders a multi-platform index. `index:` annotations go on top.
 */
function assembleIndex(results, annotations) {
    const images = [];
    const attestations = [];
    for (const result of results) {
        if ((0,_registry_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isImageIndex */ .yR)(result.manifest)) {
            for (const child of result.manifest.manifests)
                (isAttestation(child) ? attestations : images).push(child);
        }
        else {
            const [platform, ...others] = result.platforms;
            if (!platform || others.length > 0) {
                throw new Error(`a build of ${result.platforms.length} platforms pushed a single image ${result.descriptor.digest}`);
            }
            images.push({ ...withoutPlatform(result.descriptor), platform: (0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(platform) });
        }
    }
    return {
        schemaVersion: 2,
        mediaType: _registry_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.ociIndex,
        manifests: [...images, ...attestations],
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    };
}
function withoutPlatform(descriptor) {
    return { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size };
}
/** platform → manifest digest, for the `platform-digests` output. */
function platformDigests(index) {
    const digests = {};
    for (const descriptor of platformManifests(index)) {
        if (descriptor.platform)
            digests[(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)((0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(descriptor.platform))] = descriptor.digest;
    }
    return digests;
}
/**
 * What is wrong with an index before it is published: a requested platform missing, one not requested, one twice,
 * or an image whose config says another os/architecture/variant than its descriptor (an image built for the wrong
 * architecture). `configPlatforms` maps each platform manifest's digest to the platform its config declares.
 */
function indexProblems(index, requested, configPlatforms) {
    const problems = [];
    const images = platformManifests(index);
    for (const platform of requested) {
        const matching = images.filter((d) => d.platform && (0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .samePlatform */ .my)(d.platform, platform));
        if (matching.length === 0)
            problems.push(`${(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)(platform)} is missing from the index`);
        if (matching.length > 1)
            problems.push(`${(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)(platform)} is in the index ${matching.length} times`);
    }
    for (const descriptor of images) {
        const platform = descriptor.platform;
        if (!platform) {
            problems.push(`manifest ${descriptor.digest} has no platform in the index`);
            continue;
        }
        const name = (0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)((0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(platform));
        if (!requested.some((wanted) => (0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .samePlatform */ .my)(wanted, platform))) {
            problems.push(`${name} (${descriptor.digest}) is in the index but was not requested`);
        }
        const declared = configPlatforms.get(descriptor.digest);
        if (!declared)
            problems.push(`the config of ${name} (${descriptor.digest}) was not checked`);
        else if (!(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .samePlatform */ .my)(declared, platform)) {
            problems.push(`${name} (${descriptor.digest}) is an image for ${(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPlatform */ .Bq)((0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(declared))} by its config`);
        }
    }
    return problems;
}
function serializeIndex(index) {
    return Buffer.from(JSON.stringify(index));
}


/***/ }),

/***/ 7671:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K9: () => (/* binding */ temporaryReferences),
/* harmony export */   MV: () => (/* binding */ verifyIndex),
/* harmony export */   SS: () => (/* binding */ describeOutcome),
/* harmony export */   UK: () => (/* binding */ PublishIncompleteError),
/* harmony export */   Vw: () => (/* binding */ publishTags),
/* harmony export */   hZ: () => (/* binding */ pushIndex)
/* harmony export */ });
/* unused harmony exports VerificationError, publishesBuildxIndex */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3838);
/* harmony import */ var _assemble_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3734);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3728);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8286);
/* harmony import */ var _registry_digest_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(5035);
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(6587);
/* harmony import */ var _registry_types_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(234);
// Registry work around the builds: read what they pushed, push the index by digest, verify it, point the final
// tags at it, and delete the temporary tags. Every write goes to each repository of the final tags.







const INDEX_MEDIA_TYPES = new Set([_registry_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.ociIndex, _registry_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.dockerManifestList]);
class VerificationError extends Error {
    name = 'VerificationError';
}
/**
 * The index to publish: the one buildx pushed (its bytes, so its digest, unchanged) when one build made an index
 * and no index annotation is to be added; else one assembled from the pushed manifests. Either way it ends up in
 * every repository by digest, untagged.
 */
async function pushIndex(plan, images, registry) {
    const [primary] = plan.repositories;
    if (!primary)
        throw new Error('no repository to push the index to (tags is empty)');
    const pushed = await Promise.all(images.map(async ({ descriptor, platforms }) => {
        const fetched = await registry.getManifest(primary, descriptor.digest);
        const { json, bytes } = fetched;
        // Type and size as the registry holds them (checked against the digest), not as a build or record says.
        const result = { descriptor: { ...descriptor, ...fetched.descriptor }, manifest: json, platforms };
        return { result, bytes };
    }));
    const [only] = pushed;
    const keepBuildxIndex = only !== undefined && publishesBuildxIndex(images, plan.indexAnnotations);
    const bytes = keepBuildxIndex
        ? only.bytes
        : (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .serializeIndex */ .Jt)((0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .assembleIndex */ .Hw)(pushed.map((p) => p.result), plan.indexAnnotations));
    const index = JSON.parse(bytes.toString('utf8'));
    const descriptor = {
        mediaType: index.mediaType ?? _registry_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.ociIndex,
        digest: (0,_registry_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .digestOf */ .o)(bytes),
        size: bytes.length,
    };
    // buildx pushed its own index to every repository already.
    if (!keepBuildxIndex) {
        await Promise.all(plan.repositories.map((repository) => registry.putManifest(repository, descriptor.digest, bytes, descriptor.mediaType)));
    }
    return { descriptor, index, bytes, madeByBuildx: keepBuildxIndex };
}
/** Whether the index published is the one buildx pushed, unchanged: one build made an index, no annotation is added. */
function publishesBuildxIndex(images, indexAnnotations) {
    const [only] = images;
    return (images.length === 1 &&
        only !== undefined &&
        INDEX_MEDIA_TYPES.has(only.descriptor.mediaType) &&
        Object.keys(indexAnnotations).length === 0);
}
/**
 * Checks the index before anything is published: every requested platform present once, nothing else, and each
 * image's config declaring the platform its descriptor claims (catches an image built for the wrong architecture).
 * The configs of buildx's own index are not read back: the export that wrote them wrote the index's platforms from
 * the same build, so reading them would check buildx against itself, at two round trips per platform.
 */
async function verifyIndex(pushed, platforms, repository, registry) {
    const configPlatforms = pushed.madeByBuildx
        ? new Map((0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .platformManifests */ .OS)(pushed.index).flatMap((d) => (d.platform ? [[d.digest, d.platform]] : [])))
        : await readConfigPlatforms(pushed.index, repository, registry);
    const problems = (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .indexProblems */ .Z9)(pushed.index, platforms, configPlatforms);
    if (problems.length > 0) {
        throw new VerificationError(`the index ${pushed.descriptor.digest} failed verification, so nothing is published:\n  - ${problems.join('\n  - ')}`);
    }
}
/** The platform each image's config declares, by the image's digest. */
async function readConfigPlatforms(index, repository, registry) {
    const configPlatforms = new Map();
    await Promise.all((0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .platformManifests */ .OS)(index).map(async (descriptor) => {
        const { json } = await registry.getManifest(repository, descriptor.digest);
        if ((0,_registry_types_js__WEBPACK_IMPORTED_MODULE_5__/* .isImageIndex */ .yR)(json))
            return;
        const config = JSON.parse((await registry.getBlob(repository, json.config.digest)).toString('utf8'));
        if (config.os && config.architecture) {
            configPlatforms.set(descriptor.digest, (0,_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizePlatform */ .FL)({
                os: config.os,
                architecture: config.architecture,
                ...(config.variant ? { variant: config.variant } : {}),
            }));
        }
    }));
    return configPlatforms;
}
/** Some final tags were not published: where each tag points, and the one command that finishes the job. */
class PublishIncompleteError extends Error {
    indexDigest;
    tags;
    command;
    name = 'PublishIncompleteError';
    constructor(indexDigest, tags, 
    /** `docker buildx imagetools create -t … REPO@DIGEST`: a carbon copy of the index under the tags it lacks. */
    command) {
        super(`the index ${indexDigest} is not published under every tag:\n` +
            tags.map((outcome) => `  - ${describeOutcome(outcome, indexDigest)}`).join('\n') +
            `\nTo finish publishing, run: ${command}`);
        this.indexDigest = indexDigest;
        this.tags = tags;
        this.command = command;
    }
}
/**
 * Points every final tag at the index: the same bytes, so the same digest, under each tag. Every tag is tried and
 * read back (waiting out registries that show a write late), so that a failure leaves no tag unaccounted for: then
 * a PublishIncompleteError says where each tag points and how to finish. A tag that another run has since pointed at
 * its own index is that run's to own: a warning, not a failure, since a tag PUT is atomic and the tag always names
 * one whole index.
 */
async function publishTags(tags, index, registry) {
    const digest = index.descriptor.digest;
    const outcomes = await Promise.all(tags.map((tag) => publishTag(tag, index, registry)));
    const unpublished = tags.filter((_, i) => outcomes[i]?.problem !== undefined);
    const [source] = unpublished;
    if (source !== undefined) {
        const targets = unpublished.map((tag) => `-t ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(tag)}`).join(' ');
        const command = `docker buildx imagetools create ${targets} ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatName */ .nD)(source)}@${digest}`;
        throw new PublishIncompleteError(digest, outcomes, command);
    }
    return tags.map(_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH);
}
/**
 * One tag. The transport retries a PUT that failed for a passing reason: the same bytes under the same tag, so a
 * PUT that got through is not harmed by another. Anything but the index or another writer's index under the tag
 * afterwards (nothing, a single image, no answer) is a problem.
 */
async function publishTag(tag, index, registry) {
    const reference = tag.tag ?? 'latest';
    const shown = (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(tag);
    const digest = index.descriptor.digest;
    try {
        await registry.putManifest(tag, reference, index.bytes, index.descriptor.mediaType);
    }
    catch (error) {
        return { tag: shown, pointsAt: await pointsAt(tag, registry), problem: `its PUT failed: ${(0,_error_message_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(error)}` };
    }
    const found = await registry
        .waitForManifest(tag, reference, digest)
        .catch(() => registry.headManifest(tag, reference))
        .catch((error) => new Error((0,_error_message_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(error)));
    if (found instanceof Error) {
        return { tag: shown, pointsAt: `unknown (${found.message})`, problem: 'it could not be read back' };
    }
    if (found?.digest === digest)
        return { tag: shown, pointsAt: digest };
    if (found && INDEX_MEDIA_TYPES.has(found.mediaType)) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${shown} was published, then pointed at ${found.digest} by another writer.`);
        return { tag: shown, pointsAt: found.digest };
    }
    return { tag: shown, pointsAt: found?.digest ?? 'nothing', problem: 'it does not resolve to the index' };
}
/** What a tag resolves to, for a message. */
async function pointsAt(tag, registry) {
    try {
        return (await registry.headManifest(tag, tag.tag ?? 'latest'))?.digest ?? 'nothing';
    }
    catch (error) {
        return `unknown (${(0,_error_message_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(error)})`;
    }
}
/** `TAG points at DIGEST (the index)`, or `TAG points at … : not published, PROBLEM`. */
function describeOutcome(outcome, indexDigest) {
    const where = `${outcome.tag} points at ${outcome.pointsAt}`;
    if (outcome.problem !== undefined)
        return `${where}: not published, ${outcome.problem}`;
    return outcome.pointsAt === indexDigest ? `${where} (the index)` : `${where} (another writer's, since)`;
}
/** The temporary tags a plan pushes (full references), known before the builds start so a crash leaves a record. */
function temporaryReferences(plan) {
    return plan.builds.flatMap((build) => build.temporaryTag === undefined
        ? []
        : plan.repositories.map((repository) => `${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatName */ .nD)(repository)}:${build.temporaryTag ?? ''}`));
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3838);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7242);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6921);
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9375);
// One bundle serves both steps of the action: main, then post (post-if: always()). main marks the state, so the
// same entry knows which step it runs as.




if (_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .StateKey */ .zv.IsPost) === 'true')
    await (0,_post_js__WEBPACK_IMPORTED_MODULE_3__/* .runPostStep */ .U)();
else
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .runMainStep */ .X)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6921:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  X: () => (/* binding */ runMainStep)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __nccwpck_require__(3838);
// EXTERNAL MODULE: ./src/docker/builder.ts
var docker_builder = __nccwpck_require__(9683);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/plan/buildx-args.ts
var buildx_args = __nccwpck_require__(6737);
// EXTERNAL MODULE: ./src/docker/command.ts
var command = __nccwpck_require__(1721);
// EXTERNAL MODULE: ./src/reference.ts
var src_reference = __nccwpck_require__(8286);
;// CONCATENATED MODULE: ./src/plan/build-cache.ts
// The `cache` convenience input: per-build cache specs, so that the builds of a fan-out and the legs of a matrix
// (one build per platform each) never overwrite each other's cache, and a cache outage never fails a build.

const CACHE_MODES = ['none', 'gha', 'registry'];
/**
 * `gha`: one GitHub cache scope per image and build (`acme-app-linux-arm64`); `registry`: one cache tag per build
 * next to the image (`registry/acme/app:buildcache-linux-arm64`). Exports are `mode=max` (every stage, so a
 * rebuild after a late-stage change still hits) with `ignore-error=true`.
 */
function buildCacheSpecs(mode, buildName, repository) {
    if (mode === 'none')
        return { from: [], to: [] };
    if (mode === 'gha') {
        const base = repository ? repository.repository.replaceAll('/', '-') : 'multiarch-build';
        const scope = `${base}-${buildName}`;
        return { from: [`type=gha,scope=${scope}`], to: [`type=gha,scope=${scope},mode=max,ignore-error=true`] };
    }
    if (!repository)
        throw new Error('cache: registry needs a repository to keep the cache in (set tags)');
    const ref = `${(0,src_reference/* formatName */.nD)(repository)}:buildcache-${buildName}`;
    return { from: [`type=registry,ref=${ref}`], to: [`type=registry,ref=${ref},mode=max,ignore-error=true`] };
}

// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __nccwpck_require__(5175);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(7242);
// EXTERNAL MODULE: ./src/platform.ts
var src_platform = __nccwpck_require__(3728);
// EXTERNAL MODULE: ./src/plan/build-outputs.ts
var build_outputs = __nccwpck_require__(9196);
// EXTERNAL MODULE: ./src/plan/buildx-release.ts
var buildx_release = __nccwpck_require__(8683);
;// CONCATENATED MODULE: ./src/plan/git-context.ts
// The Git context docker/build-push-action builds when `context` is not given: the workflow's commit of its own
// repository, fetched by BuildKit (no checkout needed), formed as docker/actions-toolkit's Build.gitContext() forms
// it, and `{{defaultContext}}` in `context` and `build-contexts` standing for it. Pure: the environment comes in.

class GitContextError extends Error {
    name = 'GitContextError';
}
/** The buildx release that reads the query form of a Git URL. */
const QUERY_FORM_BUILDX = '0.29.0';
/** `{{defaultContext}}`, spaced as Handlebars allows, and the subdirectory written after it (`:docker`). */
const DEFAULT_CONTEXT_TEMPLATE = /\{\{\s*defaultContext\s*\}\}(?::(\S*))?/g;
/**
 * The Git context of the workflow's commit. The ref is GITHUB_REF (a bare name is a branch); with
 * DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF a pull request's merge ref becomes its head ref, whose commit is the
 * pull request's head from the event. Any other ref is pinned to GITHUB_SHA, so a later push cannot change what
 * is built. Throws a GitContextError when the runner does not say which repository this is.
 */
function gitContextSource(variables, pullRequestHeadSha) {
    const repository = variables.GITHUB_REPOSITORY ?? '';
    if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
        throw new GitContextError(`GITHUB_REPOSITORY is "${repository}" (expected OWNER/REPO, as the runner sets it)`);
    }
    const server = given(variables.GITHUB_SERVER_URL) ?? 'https://github.com';
    let host;
    try {
        host = new URL(server).host;
    }
    catch {
        throw new GitContextError(`GITHUB_SERVER_URL is "${server}" (expected a URL such as https://github.com)`);
    }
    let ref = variables.GITHUB_REF ?? '';
    if (!ref.startsWith('refs/'))
        ref = `refs/heads/${ref}`;
    else if (ref.startsWith('refs/pull/') && runnerFlag(variables.DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF)) {
        ref = ref.replace(/\/merge$/, '/head');
    }
    const commit = ref.startsWith('refs/pull/') && ref.endsWith('/head')
        ? (pullRequestHeadSha() ?? ref)
        : (given(variables.GITHUB_SHA) ?? ref);
    return {
        repositoryUrl: `${server}/${repository}.git`,
        commit,
        queryForm: runnerFlag(variables.BUILDX_SEND_GIT_QUERY_AS_INPUT),
        host,
    };
}
/**
 * The Git context URL for this buildx: `…/REPO.git#<commit>[:<subdir>]`, or `…/REPO.git?ref=<commit>[&subdir=…]`
 * when the query form is asked for and this buildx reads it.
 */
function formatGitContext(source, buildxVersion, subdir = '') {
    const inSubdir = subdir !== '' && subdir !== '.';
    if (source.queryForm && (0,buildx_release/* buildxAtLeast */.d)(buildxVersion, QUERY_FORM_BUILDX)) {
        return `${source.repositoryUrl}?ref=${source.commit}${inSubdir ? `&subdir=${subdir}` : ''}`;
    }
    return `${source.repositoryUrl}#${source.commit}${inSubdir ? `:${subdir}` : ''}`;
}
/** Whether a `context` input means the Git context: empty, or written with `{{defaultContext}}`. */
function usesDefaultContext(text) {
    return text === '' || containsDefaultContext(text);
}
function containsDefaultContext(text) {
    return new RegExp(DEFAULT_CONTEXT_TEMPLATE.source).test(text);
}
/** `text` with each `{{defaultContext}}[:subdir]` replaced by the Git context (of that subdirectory). */
function expandDefaultContext(text, source, buildxVersion) {
    return text.replace(DEFAULT_CONTEXT_TEMPLATE, (_match, subdir) => formatGitContext(source, buildxVersion, subdir));
}
/** A runner variable, where an empty one counts as unset (as actions-toolkit reads them). */
function given(value) {
    return value === '' ? undefined : value;
}
/** A runner variable read as actions-toolkit's Util.parseBoolOrDefault reads it: Go's true spellings, else false. */
function runnerFlag(value) {
    return ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value ?? '');
}

;// CONCATENATED MODULE: ./src/plan/runners.ts
// The matrix plan for native runners: which runner label builds each platform, from `platform-prefix=runner-label`
// entries. Pure; the workflow feeds the plan to `strategy.matrix` with fromJSON.

/**
 * GitHub-hosted runners, used when no entry is given. 32-bit arm goes to the arm64 runner too: those CPUs cannot
 * run it natively either, so it is emulated there as it would be anywhere.
 */
const DEFAULT_RUNNERS = [
    'linux/arm64=ubuntu-24.04-arm',
    'linux/arm=ubuntu-24.04-arm',
    'default=ubuntu-24.04',
];
class RunnersError extends Error {
    name = 'RunnersError';
}
const DEFAULT_KEY = 'default';
const EXPECTED_FORM = 'expected platform-prefix=runner-label, e.g. linux/arm64=ubuntu-24.04-arm or linux/arm=ubuntu-24.04-arm, ' +
    'or default=runner-label';
/** Parses `platform-prefix=runner-label` and `default=runner-label` entries; no entries means DEFAULT_RUNNERS. */
function parseRunners(lines) {
    const entries = lines.map((line) => line.trim()).filter((line) => line !== '');
    if (entries.length === 0)
        return parseRunners(DEFAULT_RUNNERS);
    const byPrefix = new Map();
    let defaultRunner;
    const entryOf = new Map();
    for (const entry of entries) {
        const equals = entry.indexOf('=');
        if (equals === -1)
            throw new RunnersError(`runner entry "${entry}" has no "=" (${EXPECTED_FORM})`);
        const key = entry.slice(0, equals).trim();
        const runner = entry.slice(equals + 1).trim();
        if (runner === '')
            throw new RunnersError(`runner entry "${entry}" has no runner label (${EXPECTED_FORM})`);
        const prefix = key.toLowerCase() === DEFAULT_KEY ? DEFAULT_KEY : parsePrefix(key, entry);
        const earlier = entryOf.get(prefix);
        if (earlier !== undefined) {
            throw new RunnersError(`runner entries "${earlier}" and "${entry}" both name ${prefix} (expected one each)`);
        }
        entryOf.set(prefix, entry);
        if (prefix === DEFAULT_KEY)
            defaultRunner = runner;
        else
            byPrefix.set(prefix, runner);
    }
    return { byPrefix, ...(defaultRunner === undefined ? {} : { default: defaultRunner }) };
}
/**
 * One matrix entry per platform. The most specific matching prefix wins (`linux/arm/v7` over `linux/arm` over
 * `default`); a platform nothing matches is an error naming it.
 */
function planMatrix(platforms, runners) {
    const include = [];
    const unmatched = [];
    for (const platform of platforms) {
        const name = (0,src_platform/* formatPlatform */.Bq)((0,src_platform/* normalizePlatform */.FL)(platform));
        const runner = runnerFor(name, runners);
        if (runner === undefined)
            unmatched.push(name);
        else
            include.push({ platform: name, runner });
    }
    const [firstUnmatched] = unmatched;
    if (firstUnmatched !== undefined) {
        throw new RunnersError(`no runner for ${unmatched.join(', ')}: add an entry such as ${firstUnmatched}=runner-label, or ` +
            'default=runner-label, to "runners"');
    }
    return { include };
}
/** `os/arch` (any variant) or a full platform, in canonical spelling (aliases resolved, baseline variants dropped). */
function parsePrefix(text, entry) {
    const components = text.split('/').length;
    if (components < 2 || components > 3) {
        throw new RunnersError(`runner entry "${entry}": "${text}" is not a platform prefix (expected os/arch or os/arch/variant, e.g. ` +
            'linux/arm or linux/arm/v7, or default)');
    }
    try {
        const platform = (0,src_platform/* parsePlatform */.Y8)(text);
        // os/arch stands for every variant: parsePlatform would read a bare linux/arm as linux/arm/v7.
        return components === 2 ? `${platform.os}/${platform.architecture}` : (0,src_platform/* formatPlatform */.Bq)(platform);
    }
    catch (error) {
        if (error instanceof src_platform/* PlatformError */.Wk)
            throw new RunnersError(`runner entry "${entry}": ${error.message}`);
        throw error;
    }
}
function runnerFor(platform, runners) {
    const components = platform.split('/');
    let best;
    for (const [prefix, runner] of runners.byPrefix) {
        const prefixComponents = prefix.split('/');
        const matches = prefixComponents.every((component, i) => component === components[i]);
        if (matches && prefixComponents.length > (best?.length ?? 0))
            best = { length: prefixComponents.length, runner };
    }
    return best?.runner ?? runners.default;
}

// EXTERNAL MODULE: ./src/registry/cleanup/github-packages.ts
var github_packages = __nccwpck_require__(6799);
// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __nccwpck_require__(6587);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/inputs.ts
// The action's inputs as one typed settings object. Parsing is pure (a reader function in, Inputs out) and
// collects every problem at once, each naming the input and the form it expects, before anything runs.












const MODES = ['auto', 'multi', 'fan-out', 'shard', 'merge', 'plan'];
const PUBLISH_WHEN = ['post', 'main', 'false'];
const QEMU_MODES = ['auto', 'true', 'false'];
const DRIVERS = ['docker-container', 'docker'];
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? `Invalid input: ${problems[0] ?? ''}`
            : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
/**
 * A list input as docker/build-push-action reads it: CSV records, one or more per line, a "quoted" field holding
 * commas and newlines. A record of one field is split on its commas unless `ignoreComma`; a record of several
 * fields gives each field, or, with `ignoreComma`, the fields joined again with commas. Empty items are dropped.
 */
function parseList(value, options = {}) {
    if (value.trim() === '')
        return [];
    const records = (0,sync/* parse */.qg)(value, {
        columns: false,
        relaxQuotes: true,
        relaxColumnCount: true,
        skipEmptyLines: true,
        ...(options.keepQuotes ? { quote: false } : {}),
    });
    const items = records.flatMap((record) => {
        if (record.length === 1)
            return options.ignoreComma ? record : (record[0] ?? '').split(',');
        return options.ignoreComma ? [record.join(',')] : record;
    });
    if (options.trimWhitespace === false)
        return items.filter((item) => item.trim() !== '');
    return items.map((item) => item.trim()).filter((item) => item !== '');
}
const NO_RUNNER = { variables: {}, pullRequestHeadSha: () => undefined };
/** `secrets` as build-push-action reads it: one entry per line, each value exactly as given. */
const SECRETS_LIST = { ignoreComma: true, trimWhitespace: false };
/** Modes that build, and so read the build inputs. */
const BUILDING_MODES = ['auto', 'multi', 'fan-out', 'shard'];
// docker's forms: units.RAMInBytes for --shm-size, `name=soft[:hard]` for --ulimit, `host:ip` (or host=ip) for
// --add-host.
const SHM_SIZE = /^\d+(\.\d+)* ?[kmgtp]?i?b?$/i;
const ULIMIT = /^[a-z_]+=-?\d+(:-?\d+)?$/;
const ADD_HOST = /^[^\s:=]+[:=]\S+$/;
/**
 * The inputs, from `read` (each value as the runner passed it, untrimmed: secrets keep their whitespace) and the
 * runner's environment. Throws an InputError listing every problem.
 */
function parseInputs(read, runner = NO_RUNNER) {
    const problems = [];
    const warnings = [];
    const text = (name) => read(name).trim();
    function list(name, options = {}) {
        try {
            return parseList(read(name), options);
        }
        catch {
            // csv-parse's message may quote the text, and a secret's text must never reach a log.
            problems.push(`"${name}" has a quote that is not closed (expected one item per line, "quoted" where needed)`);
            return [];
        }
    }
    function oneOf(name, allowed) {
        const value = text(name);
        if (allowed.includes(value))
            return value;
        problems.push(`"${name}" is "${value}" (expected one of: ${allowed.join(', ')})`);
        return allowed[0];
    }
    function boolean(name) {
        const value = text(name).toLowerCase();
        if (value === 'true' || value === 'false')
            return value === 'true';
        problems.push(`"${name}" is "${read(name)}" (expected true or false)`);
        return false;
    }
    /** A value that lands in argv where a leading `-` would make it a flag of buildx or docker. */
    function notFlag(name, expected) {
        const value = text(name);
        if (value.startsWith('-')) {
            problems.push(`"${name}" is "${value}", which would be read as a flag (expected ${expected}, not starting with -)`);
        }
        return value;
    }
    function staleTagHours() {
        const value = text(constants/* Input */.pd.StaleTagHours);
        const hours = Number(value);
        if (/^\d+(\.\d+)?$/.test(value) && (hours === 0 || hours >= 1))
            return hours;
        problems.push(`"stale-tag-hours" is "${value}" (expected a decimal number of hours, 1 or more, or 0 to keep stale tags)`);
        return 0;
    }
    /** Items of a list input, each checked against `form` (a problem quotes the item and says `expected`). */
    function matching(name, options, form, expected) {
        const items = list(name, options);
        for (const item of items) {
            if (!form.test(item))
                problems.push(`"${name}" has "${item}" (expected ${expected})`);
        }
        return items;
    }
    const keyValues = (name) => matching(name, { ignoreComma: true }, /^[^=\s]+=/, 'key=value');
    /**
     * As build-push-action: an entry that is not id=value (such as a line of an unquoted multi-line value) or has an
     * empty value is skipped with a warning. Entries are named by position only: a line of an unquoted value may look
     * like id=value, so even an id may be a piece of a secret.
     */
    function secrets() {
        const kept = [];
        list(constants/* Input */.pd.Secrets, SECRETS_LIST).forEach((entry, index) => {
            const separator = entry.indexOf('=');
            if (separator <= 0) {
                warnings.push(`"secrets" entry ${index + 1} is not id=value and is skipped (a value of several lines must be quoted ` +
                    'as a whole: "id=first line … last line")');
            }
            else if (separator === entry.length - 1) {
                warnings.push(`"secrets" entry ${index + 1} has an empty value and is skipped`);
            }
            else if (/\s/.test(entry.slice(0, separator))) {
                problems.push(`"secrets" entry ${index + 1} has a space in its id (expected id=value, the id without spaces)`);
            }
            else {
                kept.push(entry);
            }
        });
        return kept;
    }
    const mode = oneOf(constants/* Input */.pd.Mode, MODES);
    const builds = BUILDING_MODES.includes(mode);
    const platforms = parsePlatforms(list(constants/* Input */.pd.Platforms), problems);
    const tagItems = list(constants/* Input */.pd.Tags);
    const tags = parseTags(tagItems, problems);
    // Given but invalid is its own problem, said by parseTags; "empty" means nothing was given.
    const noTags = tagItems.length === 0;
    const push = boolean(constants/* Input */.pd.Push);
    const githubToken = text(constants/* Input */.pd.GithubToken);
    const tempTagPrefix = text(constants/* Input */.pd.TempTagPrefix);
    // The prefix is followed by run id, attempt, a step hash and a platform: keep room for them in 128 characters.
    if (!(0,src_reference/* isValidTag */.r_)(tempTagPrefix) || tempTagPrefix.length > 48) {
        problems.push(`"temp-tag-prefix" is "${tempTagPrefix}" (expected 1 to 48 of A-Z a-z 0-9 _ . -, not starting with . or -)`);
    }
    const context = notFlag(constants/* Input */.pd.Context, 'a path or a URL');
    const buildContexts = keyValues(constants/* Input */.pd.BuildContexts);
    const buildSecrets = secrets();
    const gitContext = builds ? gitContextFor(context, buildContexts, runner, problems) : undefined;
    // As build-push-action: BuildKit fetches the default Git context with the job's token, unless the user gave one.
    if (gitContext && usesDefaultContext(context) && githubToken !== '') {
        if (!buildSecrets.some((secret) => secret.startsWith('GIT_AUTH_TOKEN='))) {
            buildSecrets.push(`GIT_AUTH_TOKEN.${gitContext.host}=${githubToken}`);
        }
    }
    const inputs = {
        mode,
        platforms,
        runners: runnerEntries(list(constants/* Input */.pd.Runners, { ignoreComma: true }), problems),
        handoffDir: text(constants/* Input */.pd.HandoffDir),
        tags,
        push,
        publish: oneOf(constants/* Input */.pd.Publish, PUBLISH_WHEN),
        cleanup: boolean(constants/* Input */.pd.Cleanup),
        cache: oneOf(constants/* Input */.pd.Cache, CACHE_MODES),
        cleanupTags: parseCleanupTags(list(constants/* Input */.pd.CleanupTags), tags, problems),
        staleTagHours: staleTagHours(),
        tempTagPrefix,
        qemu: oneOf(constants/* Input */.pd.Qemu, QEMU_MODES),
        qemuImage: notFlag(constants/* Input */.pd.QemuImage, 'an image reference such as tonistiigi/binfmt:qemu-v10.2.3-68'),
        builder: notFlag(constants/* Input */.pd.Builder, 'the name of a buildx builder'),
        driver: oneOf(constants/* Input */.pd.Driver, DRIVERS),
        driverOpts: list(constants/* Input */.pd.DriverOpts, { ignoreComma: true, keepQuotes: true }),
        buildkitdFlags: text(constants/* Input */.pd.BuildkitdFlags),
        buildkitdConfigInline: text(constants/* Input */.pd.BuildkitdConfigInline),
        githubToken,
        build: {
            context,
            ...(gitContext ? { gitContext } : {}),
            file: text(constants/* Input */.pd.File),
            target: notFlag(constants/* Input */.pd.Target, 'the name of a build stage'),
            labels: keyValues(constants/* Input */.pd.Labels),
            annotations: keyValues(constants/* Input */.pd.Annotations),
            // buildx takes a bare NAME from its environment (HTTP_PROXY), as `docker build --build-arg NAME` does.
            buildArgs: matching(constants/* Input */.pd.BuildArgs, { ignoreComma: true }, /^[^=\s]+(=|$)/, 'KEY=value, or KEY alone'),
            buildContexts,
            secrets: buildSecrets,
            secretFiles: keyValues(constants/* Input */.pd.SecretFiles),
            secretEnvs: matching(constants/* Input */.pd.SecretEnvs, {}, /^[^=\s]+=[^=\s]+$/, 'id=ENV_VAR'),
            ssh: list(constants/* Input */.pd.Ssh),
            cacheFrom: list(constants/* Input */.pd.CacheFrom, { ignoreComma: true }),
            cacheTo: list(constants/* Input */.pd.CacheTo, { ignoreComma: true }),
            provenance: text(constants/* Input */.pd.Provenance),
            sbom: text(constants/* Input */.pd.Sbom),
            attests: matching(constants/* Input */.pd.Attests, { ignoreComma: true }, /(^|,)\s*type=/, 'type=sbom|provenance,…'),
            noCache: boolean(constants/* Input */.pd.NoCache),
            noCacheFilters: list(constants/* Input */.pd.NoCacheFilters),
            pull: boolean(constants/* Input */.pd.Pull),
            network: notFlag(constants/* Input */.pd.Network, 'a networking mode such as host or none'),
            addHosts: matching(constants/* Input */.pd.AddHosts, {}, ADD_HOST, 'host:ip, e.g. docker:10.180.0.1'),
            allow: list(constants/* Input */.pd.Allow),
            shmSize: text(constants/* Input */.pd.ShmSize),
            ulimits: matching(constants/* Input */.pd.Ulimit, { ignoreComma: true }, ULIMIT, 'name=soft[:hard], e.g. nofile=1024:1024'),
            cgroupParent: text(constants/* Input */.pd.CgroupParent),
            outputs: list(constants/* Input */.pd.Outputs, { ignoreComma: true, keepQuotes: true }),
            load: boolean(constants/* Input */.pd.Load),
            call: notFlag(constants/* Input */.pd.Call, 'a method such as check'),
        },
        warnings,
    };
    const build = inputs.build;
    if (noTags && (push || mode === 'shard' || mode === 'merge')) {
        const why = push ? '"push" is true' : `"mode" is ${mode}`;
        problems.push(`"tags" is empty but ${why} (expected at least one image reference: the final tags)`);
    }
    if (inputs.cache === 'registry' && noTags) {
        problems.push('"cache" is registry but "tags" is empty (expected tags: the cache is kept next to the image)');
    }
    if (mode === 'shard' && !push) {
        problems.push('"push" is false but "mode" is shard (expected true: a shard hands off what it pushed)');
    }
    if (inputs.qemu !== 'false' && inputs.qemuImage === '') {
        problems.push('"qemu-image" is empty (expected an image reference such as tonistiigi/binfmt:qemu-v10.2.3-68)');
    }
    if (push)
        problems.push(...ownerlessGhcr('tags', tags));
    if (build.shmSize !== '' && !SHM_SIZE.test(build.shmSize)) {
        problems.push(`"shm-size" is "${build.shmSize}" (expected a size such as 2g or 512m)`);
    }
    problems.push(...(0,build_outputs/* outputsProblems */.h)(build.outputs, push, tags));
    if (build.load && push) {
        problems.push('"load" is true but "push" is true (expected one of them: this action publishes the image to the registry, ' +
            'pull it from there; or load it in a build with push: false)');
    }
    if (push && !buildsImage(build.call)) {
        problems.push(`"call" is "${build.call}", which evaluates the build and makes no image, but "push" is true (expected ` +
            'push: false with a call, or no call)');
    }
    if (problems.length > 0)
        throw new InputError(problems);
    return inputs;
}
/**
 * What to mask of `secrets` besides the values, which are masked as they are written to files: where an entry is
 * not id=value, a multi-line value was left unquoted, so each of its lines became an entry, and one with `=` a
 * secret whose id (shown in buildx's command line) is a piece of the value. Then every entry and every id.
 */
function secretPieces(text) {
    let entries;
    try {
        entries = parseList(text, SECRETS_LIST);
    }
    catch {
        // An unclosed quote is an input error, which shows no value.
        return [];
    }
    if (entries.every((entry) => entry.indexOf('=') > 0))
        return [];
    const ids = entries.map((entry) => entry.slice(0, Math.max(entry.indexOf('='), 0)));
    return [...new Set([...entries, ...ids])].filter((piece) => piece.trim() !== '');
}
/** Whether a buildx --call method builds (empty, or `build` with its options). */
function buildsImage(call) {
    return call === '' || call.split(',')[0]?.trim() === 'build';
}
/** The Git context, where `context` or a build context names it; a runner that cannot say which is a problem. */
function gitContextFor(context, buildContexts, runner, problems) {
    const inContext = usesDefaultContext(context);
    if (!inContext && !buildContexts.some(containsDefaultContext))
        return undefined;
    try {
        return gitContextSource(runner.variables, runner.pullRequestHeadSha);
    }
    catch (error) {
        const where = !inContext
            ? '"build-contexts" uses {{defaultContext}}'
            : context === ''
                ? '"context" is empty'
                : '"context" uses {{defaultContext}}';
        problems.push(`${where}, the Git context of this workflow's commit, but ${(0,error_message/* errorMessage */.g)(error)}; set "context" to a path ` +
            'or URL (e.g. .) instead');
        return undefined;
    }
}
function parsePlatforms(items, problems) {
    if (items.length === 0) {
        problems.push('"platforms" is empty (expected a list such as linux/amd64,linux/arm64)');
        return [];
    }
    const platforms = [];
    const seen = new Set();
    for (const item of items) {
        try {
            const platform = (0,src_platform/* parsePlatform */.Y8)(item);
            const name = (0,src_platform/* formatPlatform */.Bq)(platform);
            if (seen.has(name))
                problems.push(`"platforms" lists ${name} twice`);
            seen.add(name);
            platforms.push(platform);
        }
        catch (error) {
            if (!(error instanceof src_platform/* PlatformError */.Wk))
                throw error;
            problems.push(`"platforms": ${error.message}`);
        }
    }
    return platforms;
}
function parseTags(items, problems) {
    const tags = [];
    for (const item of items) {
        try {
            const reference = (0,src_reference/* parseReference */.F2)(item);
            if (reference.digest) {
                problems.push(`"tags" has "${item}" with a digest (expected name:tag; the digest is what this action outputs)`);
            }
            else {
                tags.push({ ...reference, tag: reference.tag ?? 'latest' });
            }
        }
        catch (error) {
            problems.push(`"tags": ${(0,error_message/* errorMessage */.g)(error)}`);
        }
    }
    return tags;
}
/** ghcr.io keeps every image under a user or organization, and cleanup there deletes through that owner's packages. */
function ownerlessGhcr(name, references) {
    return references
        .filter((reference) => reference.registry.toLowerCase() === github_packages/* GHCR */.f && !reference.repository.includes('/'))
        .map((reference) => `"${name}" has ${github_packages/* GHCR */.f}/${reference.repository}, which has no owner (expected ${github_packages/* GHCR */.f}/OWNER/NAME, e.g. ` +
        `${github_packages/* GHCR */.f}/acme/${reference.repository})`);
}
/** The runners mapping, parsed here so that a bad entry is an input error like any other. */
function runnerEntries(entries, problems) {
    try {
        return parseRunners(entries);
    }
    catch (error) {
        if (!(error instanceof RunnersError))
            throw error;
        problems.push(`"runners": ${error.message}`);
        return parseRunners([]);
    }
}
/**
 * cleanup-tags: full tagged references that are not final tags (deleting one would undo the publish), compared
 * as the registry sees them, so that another spelling of a final tag (index.docker.io/acme/app) is one too.
 */
function parseCleanupTags(items, finalTags, problems) {
    const spelling = (reference) => `${(0,src_reference/* canonicalRepository */.JA)(reference)}:${reference.tag ?? ''}`;
    const finals = new Set(finalTags.map(spelling));
    const tags = [];
    for (const item of items) {
        try {
            const reference = (0,src_reference/* parseReference */.F2)(item);
            if (reference.digest !== undefined || reference.tag === undefined) {
                problems.push(`"cleanup-tags" has "${item}" (expected name:tag, without a digest)`);
            }
            else if (finals.has(spelling(reference))) {
                problems.push(`"cleanup-tags" has "${item}", which is also in "tags" (expected only leftover tags)`);
            }
            else {
                tags.push(reference);
            }
        }
        catch (error) {
            problems.push(`"cleanup-tags": ${(0,error_message/* errorMessage */.g)(error)}`);
        }
    }
    problems.push(...ownerlessGhcr('cleanup-tags', tags));
    return tags;
}
/**
 * The inputs as the runner passed them, untrimmed (as build-push-action reads secrets); the GitHub token is masked
 * before anything can print it, and the warnings are said once.
 */
function getInputs() {
    const token = core/* getInput */.V4(constants/* Input */.pd.GithubToken);
    if (token !== '')
        core/* setSecret */.Pq(token);
    for (const piece of secretPieces(core/* getInput */.V4(constants/* Input */.pd.Secrets, { trimWhitespace: false })))
        core/* setSecret */.Pq(piece);
    const inputs = parseInputs((name) => core/* getInput */.V4(name, { trimWhitespace: false }), {
        variables: process.env,
        pullRequestHeadSha: () => pullRequestHeadSha(process.env.GITHUB_EVENT_PATH),
    });
    for (const warning of inputs.warnings)
        core/* warning */.$e(warning);
    return inputs;
}
/** `pull_request.head.sha` of the event payload the runner wrote, as @actions/github reads it. */
function pullRequestHeadSha(eventPath) {
    if (!eventPath)
        return undefined;
    try {
        const event = JSON.parse((0,external_node_fs_.readFileSync)(eventPath, 'utf8'));
        const sha = event.pull_request?.head?.sha;
        return typeof sha === 'string' ? sha : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/retry.ts
var retry = __nccwpck_require__(9809);
;// CONCATENATED MODULE: ./src/docker/build.ts
// Runs the planned buildx builds (in parallel in fan-out) and reads what each one pushed from its metadata file.










class BuildError extends Error {
    name = 'BuildError';
}
async function runBuilds(plan, options, builder, docker, tempDir) {
    const secretFiles = await writeSecretFiles(options.secrets, tempDir);
    try {
        const parallel = plan.builds.length > 1;
        const outcomes = await Promise.allSettled(plan.builds.map(async (build) => {
            const metadataFile = (0,external_node_path_.join)(tempDir, `metadata-${build.name}.json`);
            const args = (0,buildx_args/* buildxBuildArgs */.Ct)(build, plan, options, builder, {
                metadataFile,
                secretSpecs: secretFiles.specs,
            });
            const label = build.platforms.map(src_platform/* formatPlatform */.Bq).join(',');
            core/* info */.pq(`Building ${label}`);
            try {
                // A build is re-run only when its push hit a passing registry fault; the build cache makes that cheap.
                const output = parallel ? { linePrefix: `[${label}] ` } : {};
                await (0,retry/* retry */.L5)(() => docker.buildx(args, output), {
                    ...ENGINE_PUSH_RETRY_POLICY,
                    isRetryable: transientPushFailure,
                    onRetry: (message) => {
                        core/* warning */.$e(`${label}: ${message}`);
                    },
                });
            }
            catch (error) {
                throw new BuildError(`the build for ${label} failed: ${(0,error_message/* errorMessage */.g)(error)}`);
            }
            return { build, metadata: await readMetadata(metadataFile, buildsImage(options.call)) };
        }));
        const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
        if (failures.length > 0) {
            throw new BuildError(failures.map(error_message/* errorMessage */.g).join('\n'));
        }
        return outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    }
    finally {
        await secretFiles.remove();
    }
}
/** buildx's metadata file; a call that only evaluates the build (`call: check`) writes none, and so has none. */
async function readMetadata(file, builds) {
    try {
        return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        if (!builds && error.code === 'ENOENT')
            return {};
        throw error;
    }
}
/**
 * The engine retries no single request of a push (containerd retries only 408 and 429), so one fault anywhere
 * in the dozens of requests of a multi-platform push fails all of it. Each attempt gets further than the last
 * (blobs already pushed are skipped), hence more attempts than for one request, over a longer bound.
 */
const ENGINE_PUSH_RETRY_POLICY = {
    maxAttempts: 10,
    maxElapsedMs: 180_000,
    baseDelayMs: 1_000,
    maxDelayMs: 15_000,
};
// What buildx prints when a push (not the build itself) failed for a reason that may pass: registry overload,
// throttling, a dropped connection. A failing RUN step prints none of these.
const TRANSIENT_PUSH_ERRORS = [
    /unexpected (HTTP )?status( from \w+ request to \S+)?: (429|5\d\d)/i,
    /\btoomanyrequests\b/i,
    /connection reset by peer|broken pipe|i\/o timeout|unexpected EOF/i,
    /failed to (push|do request)\b.*(connection reset|connection refused|i\/o timeout|EOF|TLS handshake timeout)/i,
    /\b(429 Too Many Requests|503 Service Unavailable|502 Bad Gateway|504 Gateway Timeout)\b/,
];
/** Whether a failed build failed in its push for a reason worth one more try. */
function transientPushFailure(error) {
    if (!(error instanceof command/* CommandError */.Qd))
        return false;
    const output = `${error.result.stderr}\n${error.result.stdout}`;
    if (output.includes('did not complete successfully'))
        return false;
    const match = TRANSIENT_PUSH_ERRORS.map((pattern) => pattern.exec(output)).find(Boolean);
    return match ? { reason: `the push failed (${match[0]})` } : false;
}
/** The descriptor of what a build pushed, from its metadata; an error names the build when buildx gave none. */
function pushedDescriptor(completed) {
    const descriptor = completed.metadata['containerimage.descriptor'];
    if (!descriptor?.digest) {
        throw new BuildError(`buildx reported no pushed image for ${completed.build.name} (no containerimage.descriptor)`);
    }
    return descriptor;
}
/**
 * `secrets` values go to files only this user can read, referenced as `id=…,src=…`: a value in argv would be
 * visible to every process on the runner. The files are removed when the builds end.
 */
async function writeSecretFiles(secrets, tempDir) {
    const files = [];
    const specs = [];
    for (const secret of secrets) {
        const separator = secret.indexOf('=');
        const id = secret.slice(0, separator);
        const value = secret.slice(separator + 1);
        if (value !== '')
            core/* setSecret */.Pq(value);
        const file = (0,external_node_path_.join)(tempDir, `secret-${(0,external_node_crypto_.randomUUID)()}`);
        await (0,promises_.writeFile)(file, value, { mode: 0o600 });
        files.push(file);
        specs.push([`id=${id}`, `src=${file}`].map(buildx_args/* csvField */.XR).join(','));
    }
    const remove = async () => {
        await Promise.all(files.map((file) => (0,promises_.rm)(file, { force: true })));
    };
    return { specs, remove };
}

// EXTERNAL MODULE: ./src/docker/cli.ts
var cli = __nccwpck_require__(1670);
;// CONCATENATED MODULE: ./src/docker/engine-copy.ts
// The docker driver keeps every image it pushes in the engine, under the names it pushed. When one build's index is
// what the run publishes, the engine's copy of it takes the final tags there, as `docker build -t` would name it.
// Its temporary name goes in post, with the registry's temporary tags.


/** Gives the engine's copy, known by its temporary name, the final tags; a failure is a warning, never fatal. */
async function tagEngineCopy(docker, copy, finalTags) {
    try {
        for (const tag of finalTags)
            await docker.tagImage(copy, tag);
    }
    catch (error) {
        core/* warning */.$e(`Could not give this run's image in the docker engine its final tags: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
}

// EXTERNAL MODULE: ./src/image-index/assemble.ts
var assemble = __nccwpck_require__(3734);
// EXTERNAL MODULE: ./src/plan/temporary-tag.ts
var temporary_tag = __nccwpck_require__(2661);
;// CONCATENATED MODULE: ./src/plan/plan.ts





class PlanError extends Error {
    name = 'PlanError';
}
const DRIVERS_WITHOUT_PUSH_BY_DIGEST = new Set(['docker']);
/** The docker driver exports cache only inline, into the image itself. */
const DOCKER_DRIVER_CACHE_TYPES = new Set(['inline']);
function makePlan(inputs, builder, run) {
    const warnings = [];
    const mode = chooseMode(inputs, builder);
    const pushByDigest = !DRIVERS_WITHOUT_PUSH_BY_DIGEST.has(builder.driver);
    const repositories = distinctRepositories(inputs.tags);
    const cache = planCache(inputs, builder, warnings);
    const groups = mode === 'multi' ? [inputs.platforms] : inputs.platforms.map((platform) => [platform]);
    const builds = groups.map((platforms) => {
        const [only] = platforms;
        const name = mode === 'fan-out' && only ? (0,src_platform/* platformSlug */.DN)(only) : 'all';
        const needsTemporaryTag = inputs.push && !pushByDigest;
        const specs = buildCacheSpecs(cache.mode, name, repositories[0]);
        return {
            name,
            platforms,
            ...(needsTemporaryTag ? { temporaryTag: (0,temporary_tag/* temporaryTag */.kt)(inputs.tempTagPrefix, run, name) } : {}),
            cacheFrom: [...inputs.build.cacheFrom, ...specs.from],
            cacheTo: [...cache.userCacheTo, ...specs.to],
            destination: !inputs.push ? 'local' : inputs.mode === 'shard' ? 'handoff' : 'index',
        };
    });
    const localExports = inputs.push ? [] : exportsOf(inputs.build);
    if (builds.length > 1 && localExports.length > 0) {
        throw new PlanError(`${localExports.join(' and ')} would export each of this plan's ${builds.length} builds (one per platform) ` +
            'to the same place (expected one build: mode multi, with a builder that builds several platforms at ' +
            'once, or one platform per step)');
    }
    const { buildAnnotations, indexAnnotations, dropped } = splitAnnotations(inputs.build.annotations);
    if (dropped.length > 0) {
        warnings.push(`index-descriptor annotations exist only in OCI layouts, not in a registry; ignored: ${dropped.join(', ')}`);
    }
    if (!inputs.push && inputs.publish !== 'false' && inputs.tags.length > 0 && localExports.length === 0) {
        warnings.push('push is false: the images are built but nothing is pushed or published.');
    }
    return {
        mode,
        platforms: inputs.platforms,
        finalTags: inputs.tags,
        repositories,
        push: inputs.push,
        publish: publishWhen(inputs),
        pushByDigest,
        builds,
        buildAnnotations,
        indexAnnotations,
        ...buildContext(inputs.build, builder.buildxVersion),
        warnings,
    };
}
/** The inputs that export a build without push: `load` and `outputs`, by name. */
function exportsOf(build) {
    return [...(build.load ? ['"load"'] : []), ...(build.outputs.length > 0 ? ['"outputs"'] : [])];
}
/** `context` and `build-contexts` as buildx gets them: the Git context where they name it (empty or the template). */
function buildContext(build, buildxVersion) {
    const { gitContext } = build;
    if (gitContext === undefined)
        return { context: build.context, buildContexts: build.buildContexts };
    const expand = (text) => expandDefaultContext(text, gitContext, buildxVersion);
    return {
        context: build.context === '' ? formatGitContext(gitContext, buildxVersion) : expand(build.context),
        buildContexts: build.buildContexts.map(expand),
    };
}
/**
 * The docker driver exports cache only inline: other cache-to entries, and the `cache` convenience, are dropped
 * with one warning each rather than failing the build.
 */
function planCache(inputs, builder, warnings) {
    if (builder.driver !== 'docker')
        return { mode: inputs.cache, userCacheTo: inputs.build.cacheTo };
    const userCacheTo = inputs.build.cacheTo.filter((spec) => DOCKER_DRIVER_CACHE_TYPES.has(cacheType(spec)));
    if (userCacheTo.length < inputs.build.cacheTo.length) {
        warnings.push('The docker driver cannot export build cache except inline: cache-to is ignored ' +
            '(use driver: docker-container to export it).');
    }
    if (inputs.cache !== 'none') {
        warnings.push(`The docker driver cannot use cache: ${inputs.cache}; building without it (use driver: docker-container).`);
    }
    return { mode: 'none', userCacheTo };
}
/**
 * When the tags are published: never by a shard (the merge does), never when nothing is pushed (push false, in
 * every mode, merge included), and by a merge in main (its job has nothing else to wait for).
 */
function publishWhen(inputs) {
    if (!inputs.push || inputs.mode === 'shard' || inputs.publish === 'false')
        return 'false';
    return inputs.mode === 'merge' ? 'main' : inputs.publish;
}
function chooseMode(inputs, builder) {
    if (inputs.mode === 'merge' || inputs.mode === 'plan') {
        throw new PlanError(`mode ${inputs.mode} builds nothing: it has no build plan`);
    }
    // A shard's record is per platform, so each of its platforms is its own build.
    if (inputs.mode === 'shard')
        return 'fan-out';
    if (inputs.mode === 'auto')
        return builder.multiPlatform || inputs.platforms.length === 1 ? 'multi' : 'fan-out';
    if (inputs.mode === 'multi' && !builder.multiPlatform && inputs.platforms.length > 1) {
        throw new PlanError(`"mode" is multi, but builder "${builder.name}" (driver ${builder.driver}) cannot build several platforms ` +
            'in one build (the docker driver needs the containerd image store). Use mode fan-out or auto, or the ' +
            'docker-container driver.');
    }
    return inputs.mode;
}
function distinctRepositories(tags) {
    const repositories = new Map();
    for (const tag of tags) {
        const name = { registry: tag.registry, repository: tag.repository };
        repositories.set((0,src_reference/* formatName */.nD)(name), name);
    }
    return [...repositories.values()];
}
/**
 * Annotations by level. Index-level ones go on the index this action publishes, never to buildx: a single-platform
 * build has no index to put them on (BuildKit refuses them), and the published index may be one this action
 * assembles. `index-descriptor` ones only exist in OCI layouts, not in a registry, so they are dropped with a note.
 * buildx's forms: `key=value` (manifest), `level[,level…]:key=value`, a level may name a platform in brackets.
 */
function splitAnnotations(annotations) {
    const buildAnnotations = [];
    const indexAnnotations = {};
    const dropped = [];
    for (const annotation of annotations) {
        const equals = annotation.indexOf('=');
        const keyPart = annotation.slice(0, equals);
        const colon = keyPart.lastIndexOf(':');
        if (colon === -1) {
            buildAnnotations.push(annotation);
            continue;
        }
        const key = keyPart.slice(colon + 1);
        const value = annotation.slice(equals + 1);
        const levels = keyPart.slice(0, colon).match(/[a-z-]+(?:\[[^\]]*\])?/g) ?? [];
        const forBuildx = levels.filter((level) => level !== 'index' && level !== 'index-descriptor');
        if (levels.includes('index'))
            indexAnnotations[key] = value;
        if (levels.includes('index-descriptor'))
            dropped.push(annotation);
        if (forBuildx.length > 0)
            buildAnnotations.push(`${forBuildx.join(',')}:${key}=${value}`);
    }
    return { buildAnnotations, indexAnnotations, dropped };
}
/** The `type=` of a cache spec; buildx takes a bare value as a registry reference. */
function cacheType(spec) {
    const field = spec.split(',').find((part) => part.trim().startsWith('type='));
    return field ? field.trim().slice('type='.length) : 'registry';
}
function describePlan(plan) {
    const platforms = plan.platforms.map(src_platform/* formatPlatform */.Bq).join(', ');
    const how = plan.mode === 'multi' ? 'one multi-platform build' : `${plan.builds.length} builds, one per platform`;
    const push = !plan.push
        ? 'no push'
        : plan.pushByDigest
            ? 'pushed by digest'
            : 'pushed under run-unique temporary tags (the driver cannot push by digest)';
    return `${how} for ${platforms}; ${push}; publish: ${plan.publish}`;
}

// EXTERNAL MODULE: ./src/image-index/publish.ts
var publish = __nccwpck_require__(7671);
;// CONCATENATED MODULE: ./src/docker/binfmt.ts
// The kernel's binfmt_misc registry: which QEMU emulators are registered, and registering one from the host's
// qemu-user-static package (its binfmt.d files) when this process may write there.


const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';
const HOST_CONF_DIRS = ['/usr/lib/binfmt.d', '/lib/binfmt.d'];
/**
 * Whether a qemu-user emulator (`aarch64`, `arm`, …) has an enabled binfmt entry. Synchronous: a procfs read
 * answers at once, and only the entries a build needs are read, so the builds wait on nothing here.
 */
function isRegistered(qemuName) {
    try {
        return (0,external_node_fs_.readFileSync)(`${BINFMT_DIR}/qemu-${qemuName}`, 'utf8').startsWith('enabled');
    }
    catch {
        return false;
    }
}
/** The host's registration line for an emulator (from qemu-user-static), when the host has one. */
async function hostRegistration(qemuName) {
    for (const dir of HOST_CONF_DIRS) {
        const text = await (0,promises_.readFile)(`${dir}/qemu-${qemuName}.conf`, 'utf8').catch(() => undefined);
        const line = text?.split('\n').find((candidate) => candidate.startsWith(':'));
        if (line)
            return line;
    }
    return undefined;
}
/** Whether this process may register entries itself (root, with binfmt_misc mounted). */
async function canRegister() {
    return (0,promises_.access)(`${BINFMT_DIR}/register`, external_node_fs_.constants.W_OK).then(() => true, () => false);
}
async function register(line) {
    await (0,promises_.writeFile)(`${BINFMT_DIR}/register`, `${line}\n`);
}

;// CONCATENATED MODULE: ./src/docker/qemu.ts
// QEMU only where it is needed: emulators for the platforms this runner cannot execute and that are not
// registered yet. The host's qemu-user-static is used when present (no image pull); else the binfmt image.



/** The emulators to register: pure, so the choice is tested by a table. */
function emulatorsToRegister(mode, platforms, nodeArch, isRegistered) {
    if (mode === 'false')
        return [];
    const native = (0,src_platform/* nativePlatforms */.y$)(nodeArch);
    // `true` distrusts the runner's secondary architectures (386 on x64 kernels without IA32 support): only the
    // runner's own primary architecture is taken as native.
    const trusted = mode === 'auto' ? native : native.slice(0, 1);
    const emulators = new Map();
    for (const platform of platforms) {
        if (trusted.some((n) => (0,src_platform/* samePlatform */.my)(n, platform)))
            continue;
        const name = (0,src_platform/* qemuName */.gc)(platform);
        if (!emulators.has(name) && !isRegistered(name))
            emulators.set(name, { qemuName: name, architecture: platform.architecture });
    }
    return [...emulators.values()];
}
/** Registers what `emulatorsToRegister` chose; returns the qemu-user names it registered. */
async function setUpQemu(mode, platforms, image, docker) {
    const wanted = emulatorsToRegister(mode, platforms, process.arch, isRegistered);
    if (wanted.length === 0) {
        core/* info */.pq('QEMU: nothing to register (every platform is native or already registered).');
        return [];
    }
    const fromImage = [];
    const writable = await canRegister();
    for (const emulator of wanted) {
        const line = writable ? await hostRegistration(emulator.qemuName) : undefined;
        if (line) {
            core/* info */.pq(`QEMU: registering ${emulator.qemuName} from the host's qemu-user-static`);
            await register(line);
        }
        else {
            fromImage.push(emulator);
        }
    }
    if (fromImage.length > 0) {
        const architectures = fromImage.map((emulator) => emulator.architecture);
        core/* info */.pq(`QEMU: registering ${architectures.join(', ')} with ${image}`);
        await docker.installBinfmt(image, architectures);
    }
    const missing = wanted.filter((emulator) => !isRegistered(emulator.qemuName));
    if (missing.length > 0) {
        throw new Error(`QEMU: no emulator registered for ${missing.map((e) => e.architecture).join(', ')} after setup ` +
            '(binfmt_misc needs root, or a privileged container through the docker engine)');
    }
    return wanted.map((emulator) => emulator.qemuName);
}

;// CONCATENATED MODULE: ./src/plan/buildx-version.ts

/**
 * Flags that older buildx releases do not know (or, for --shm-size and --ulimit before 0.7.0, accept and ignore),
 * named by the input that asks for them, with the release that introduced each.
 */
const MINIMUM_BUILDX = [
    { flag: 'call', version: '0.15.0', used: (inputs) => inputs.build.call !== '' },
    { flag: 'annotations', version: '0.12.0', used: (inputs) => inputs.build.annotations.length > 0 },
    { flag: 'provenance', version: '0.10.0', used: (inputs) => inputs.build.provenance !== '' },
    { flag: 'sbom', version: '0.10.0', used: (inputs) => inputs.build.sbom !== '' },
    { flag: 'attests', version: '0.10.0', used: (inputs) => inputs.build.attests.length > 0 },
    { flag: 'build-contexts', version: '0.8.0', used: (inputs) => inputs.build.buildContexts.length > 0 },
    { flag: 'no-cache-filters', version: '0.8.0', used: (inputs) => inputs.build.noCacheFilters.length > 0 },
    { flag: 'shm-size', version: '0.7.0', used: (inputs) => inputs.build.shmSize !== '' },
    { flag: 'ulimit', version: '0.7.0', used: (inputs) => inputs.build.ulimits.length > 0 },
];
/** The error for the first input whose flag this buildx version does not know; undefined when it knows them all. */
function unsupportedInput(inputs, buildxVersion) {
    const missing = MINIMUM_BUILDX.find(({ version, used }) => used(inputs) && !(0,buildx_release/* buildxAtLeast */.d)(buildxVersion, version));
    return (missing && `"${missing.flag}" needs buildx ${missing.version} or later; this runner has buildx ${buildxVersion}.`);
}

// EXTERNAL MODULE: ./src/registry/access.ts + 3 modules
var access = __nccwpck_require__(1038);
// EXTERNAL MODULE: ./src/registry/credentials.ts + 2 modules
var registry_credentials = __nccwpck_require__(8111);
// EXTERNAL MODULE: ./src/runtime.ts
var runtime = __nccwpck_require__(3683);
;// CONCATENATED MODULE: ./src/handoff/handoff.ts
class HandoffError extends Error {
    name = 'HandoffError';
}
/** One platform handed off twice in one attempt, differently: a record handed off is never replaced. */
function conflictingRecordError(where, previous, record) {
    return new HandoffError(`${where} already holds another record for ${record.platform} (${previous.descriptor.digest} from job ` +
        `"${previous.job}", not ${record.descriptor.digest} from job "${record.job}"), and a record handed off is ` +
        'never replaced. Does another job of this run build the same platform for the same tags?');
}

;// CONCATENATED MODULE: ./src/handoff/record.ts
// The record a shard hands to the merge job for each platform it built: what it pushed and where. Pure: the
// backends (directory, GitHub cache) only move these records as JSON text.




class ShardRecordError extends Error {
    name = 'ShardRecordError';
}
const IMAGE_KEY = /^[0-9a-f]{16}$/;
// Run ids end up in file names and cache keys: no separators, no commas (the cache refuses them in keys), no `..`.
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const RUN_ATTEMPT = /^[1-9][0-9]*$/;
// A GitHub job id (empty outside GitHub Actions): logged, so nothing that could start a workflow command.
const JOB = /^(?:[A-Za-z_][A-Za-z0-9_-]*)?$/;
const RECORD_FIELDS = [
    'version',
    'image',
    'platform',
    'runId',
    'runAttempt',
    'job',
    'descriptor',
    'repositories',
    'temporaryTags',
    'createdAt',
];
const DESCRIPTOR_FIELDS = ['mediaType', 'digest', 'size', 'platform', 'annotations'];
const PLATFORM_FIELDS = ['os', 'architecture', 'variant'];
/**
 * Which image a record belongs to: the first 16 hex digits of the sha256 of the sorted, distinct final tags, one
 * per line. Two images built in one run never see each other's records.
 */
function imageKey(finalTags) {
    const tags = [...new Set(finalTags)].sort();
    return (0,external_node_crypto_.createHash)('sha256').update(tags.join('\n')).digest('hex').slice(0, 16);
}
/** Throws unless image and run id are safe to use in file names and cache keys, as records require. */
function checkImageAndRun(image, runId) {
    if (!IMAGE_KEY.test(image))
        throw new ShardRecordError(`"${image}" is not an image key (16 hex digits)`);
    if (!RUN_ID.test(runId)) {
        throw new ShardRecordError(`"${runId}" is not a run id (a letter or digit, then letters, digits, ., _ or -)`);
    }
}
/** The platform as it appears in file names and cache keys: `linux/arm/v7` → `linux-arm-v7`. */
function platformSlugOf(platform) {
    return (0,src_platform/* platformSlug */.DN)((0,src_platform/* parsePlatform */.Y8)(platform));
}
/**
 * The record's JSON, with exactly the fields of ShardRecord and Descriptor: buildx's descriptor may carry more,
 * which the merge does not need and the strict parser would refuse.
 */
function serializeShardRecord(record) {
    const { mediaType, digest, size, platform, annotations } = record.descriptor;
    const descriptor = {
        mediaType,
        digest,
        size,
        ...(platform ? { platform: { ...platform } } : {}),
        ...(annotations ? { annotations } : {}),
    };
    const known = {
        version: record.version,
        image: record.image,
        platform: record.platform,
        runId: record.runId,
        runAttempt: record.runAttempt,
        job: record.job,
        descriptor,
        repositories: record.repositories,
        temporaryTags: record.temporaryTags,
        createdAt: record.createdAt,
    };
    return `${JSON.stringify(known, null, 2)}\n`;
}
/** Parses and validates a record; `where` (a file path or cache key) names the source in every error. */
function parseShardRecord(text, where) {
    const invalid = (what) => new ShardRecordError(`The handoff record at ${where} is invalid: ${what}.`);
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw invalid(`not JSON (${error.message})`);
    }
    if (!isObject(json))
        throw invalid('not a JSON object');
    if (json.version !== 1)
        throw invalid(`version is ${JSON.stringify(json.version)} (expected 1)`);
    checkFields(json, RECORD_FIELDS, 'the record', invalid);
    const image = requireString(json, 'image', invalid);
    if (!IMAGE_KEY.test(image))
        throw invalid(`image "${image}" is not 16 hex digits`);
    const platform = requireString(json, 'platform', invalid);
    checkCanonicalPlatform(platform, invalid);
    const runId = requireString(json, 'runId', invalid);
    if (!RUN_ID.test(runId))
        throw invalid(`runId "${runId}" is not a letter or digit, then letters, digits, ., _ or -`);
    const runAttempt = requireString(json, 'runAttempt', invalid);
    if (!RUN_ATTEMPT.test(runAttempt))
        throw invalid(`runAttempt "${runAttempt}" is not a positive integer`);
    const createdAt = requireString(json, 'createdAt', invalid);
    if (Number.isNaN(Date.parse(createdAt)) || new Date(createdAt).toISOString() !== createdAt) {
        throw invalid(`createdAt "${createdAt}" is not an ISO 8601 UTC time such as 2026-01-31T12:00:00.000Z`);
    }
    const repositories = requireStrings(json, 'repositories', invalid);
    if (repositories.length === 0)
        throw invalid('repositories is empty');
    const job = requireString(json, 'job', invalid);
    if (!JOB.test(job)) {
        throw invalid(`job ${JSON.stringify(job)} is not a GitHub job id (a letter or _, then letters, digits, - or _)`);
    }
    return {
        version: 1,
        image,
        platform,
        runId,
        runAttempt,
        job,
        descriptor: parseDescriptor(json.descriptor, invalid),
        repositories,
        temporaryTags: requireStrings(json, 'temporaryTags', invalid),
        createdAt,
    };
}
/** Throws unless the record is the one expected at `where`: a record filed under the wrong run, image or attempt. */
function checkRecordIdentity(record, expected, where) {
    for (const field of ['image', 'runId', 'platform', 'runAttempt']) {
        if (record[field] !== expected[field]) {
            throw new ShardRecordError(`The handoff record at ${where} has ${field} "${record[field]}", but "${expected[field]}" was expected there.`);
        }
    }
}
/** Throws unless the merge job's attempt is a positive integer, without which no record's attempt can be checked. */
function checkRunAttempt(runAttempt) {
    if (!RUN_ATTEMPT.test(runAttempt)) {
        throw new ShardRecordError(`GITHUB_RUN_ATTEMPT is ${JSON.stringify(runAttempt)} (expected a positive integer), so the handoff records ` +
            'cannot be checked against this run attempt.');
    }
}
/**
 * Why a parsed record is not one this run's shards could have written, [] when it is: another run or a later
 * attempt, a repository outside the final tags', or a tag that is not this shard's temporary tag (which post would
 * delete), such as a final or a user's tag.
 */
function recordProblemsForRun(record, run) {
    const problems = [];
    if (record.runId !== run.runId)
        problems.push(`it is of run ${record.runId}, not of this run ${run.runId}`);
    if (Number(record.runAttempt) > Number(run.runAttempt)) {
        problems.push(`it is of attempt ${record.runAttempt}, after this attempt ${run.runAttempt}`);
    }
    const finalRepositories = new Set(run.finalTags.map(src_reference/* canonicalRepository */.JA));
    const finalTags = new Set(run.finalTags.map((tag) => `${(0,src_reference/* canonicalRepository */.JA)(tag)}:${tag.tag ?? ''}`));
    const finalRepositoryList = [...finalRepositories].join(', ');
    for (const text of record.repositories) {
        const name = tryParseReference(text);
        const isFinalRepository = name !== undefined &&
            name.tag === undefined &&
            name.digest === undefined &&
            finalRepositories.has((0,src_reference/* canonicalRepository */.JA)(name));
        if (!isFinalRepository) {
            problems.push(`repositories names ${JSON.stringify(text)}, which is no repository of the final tags (${finalRepositoryList})`);
        }
    }
    const slug = platformSlugOf(record.platform);
    for (const text of record.temporaryTags) {
        const reference = tryParseReference(text);
        const temporary = reference?.tag === undefined || reference.digest !== undefined
            ? undefined
            : (0,temporary_tag/* parseTemporaryTag */.Xp)(run.tempTagPrefix, reference.tag);
        const repository = reference === undefined ? '' : (0,src_reference/* canonicalRepository */.JA)(reference);
        const isThisShards = temporary?.runId === run.runId &&
            temporary.runAttempt === record.runAttempt &&
            temporary.build === slug &&
            finalRepositories.has(repository) &&
            !finalTags.has(`${repository}:${reference?.tag ?? ''}`);
        if (!isThisShards) {
            problems.push(`temporaryTags names ${JSON.stringify(text)}, which is not this shard's temporary tag ` +
                `(${run.tempTagPrefix}-${run.runId}-${record.runAttempt}-<step>-<time>-${slug} in ${finalRepositoryList})`);
        }
    }
    return problems;
}
/** Whether two records hand off the same thing: a retried step writes the same record at another time. */
function sameHandoff(a, b) {
    return serializeShardRecord({ ...a, createdAt: '' }) === serializeShardRecord({ ...b, createdAt: '' });
}
function parseDescriptor(value, invalid) {
    if (!isObject(value))
        throw invalid('descriptor is not an object');
    checkFields(value, DESCRIPTOR_FIELDS, 'descriptor', invalid);
    const mediaType = requireString(value, 'mediaType', invalid, 'descriptor.');
    if (mediaType === '')
        throw invalid('descriptor.mediaType is empty');
    const digest = requireString(value, 'digest', invalid, 'descriptor.');
    if (!(0,src_reference/* isDigest */.Bc)(digest))
        throw invalid(`descriptor.digest "${digest}" is not a sha256 or sha512 digest`);
    const { size } = value;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
        throw invalid(`descriptor.size ${JSON.stringify(size)} is not a non-negative integer`);
    }
    const descriptor = { mediaType, digest, size };
    if (value.platform !== undefined) {
        const { platform } = value;
        if (!isObject(platform))
            throw invalid('descriptor.platform is not an object');
        checkFields(platform, PLATFORM_FIELDS, 'descriptor.platform', invalid);
        const os = requireString(platform, 'os', invalid, 'descriptor.platform.');
        const architecture = requireString(platform, 'architecture', invalid, 'descriptor.platform.');
        const variant = platform.variant === undefined ? undefined : requireString(platform, 'variant', invalid, 'descriptor.platform.');
        descriptor.platform = { os, architecture, ...(variant === undefined ? {} : { variant }) };
    }
    if (value.annotations !== undefined) {
        const { annotations } = value;
        if (!isObject(annotations) || !Object.values(annotations).every((v) => typeof v === 'string')) {
            throw invalid('descriptor.annotations is not an object of strings');
        }
        descriptor.annotations = annotations;
    }
    return descriptor;
}
function checkCanonicalPlatform(platform, invalid) {
    let canonical;
    try {
        canonical = (0,src_platform/* formatPlatform */.Bq)((0,src_platform/* parsePlatform */.Y8)(platform));
    }
    catch (error) {
        if (error instanceof src_platform/* PlatformError */.Wk)
            throw invalid(error.message);
        throw error;
    }
    // Canonical spelling only, so that file names, cache keys and comparisons agree.
    if (canonical !== platform)
        throw invalid(`platform "${platform}" is not written canonically ("${canonical}")`);
}
function checkFields(value, allowed, what, invalid) {
    const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
    if (unknown.length > 0)
        throw invalid(`${what} has unknown fields: ${unknown.join(', ')}`);
}
function requireString(value, field, invalid, path = '') {
    const text = value[field];
    if (typeof text !== 'string')
        throw invalid(`${path}${field} is ${describe(text)} (expected a string)`);
    return text;
}
function requireStrings(value, field, invalid) {
    const list = value[field];
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string' && item !== '')) {
        throw invalid(`${field} is not a list of non-empty strings`);
    }
    return list;
}
function tryParseReference(text) {
    try {
        return (0,src_reference/* parseReference */.F2)(text);
    }
    catch {
        return undefined;
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describe(value) {
    return value === undefined ? 'missing' : JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/handoff/cache.ts
// The handoff over the GitHub cache service: one entry per image, run, platform and attempt, each holding one
// small JSON file. Entries of one run are visible to all its jobs (the cache is scoped by branch, not by job).






class CacheHandoff {
    options;
    description = 'the GitHub cache';
    constructor(options) {
        this.options = options;
    }
    async put(record) {
        const text = serializeShardRecord(record);
        // Refuse a bad record here, in the shard, rather than in the merge job.
        parseShardRecord(text, `the record to hand off for ${record.platform}`);
        const file = this.recordFile(record.image, record.runId, record.platform);
        const key = `${keyPrefix(record.image, record.runId, record.platform)}${record.runAttempt}`;
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
        await (0,promises_.writeFile)(file, text);
        const cache = await this.cache();
        if (await save(cache, file, key, record.platform))
            return;
        // Not saved. Fine if the entry exists with this record (a retried step); otherwise the merge would miss it.
        await (0,promises_.rm)(file, { force: true });
        const matched = await restore(cache, file, key, [], key);
        if (matched !== key) {
            throw new HandoffError(`Could not save the handoff record for ${record.platform} to the GitHub cache under key ${key}, and no ` +
                'entry with that key exists (see the cache warning above). The merge job would not find this platform.');
        }
        const existing = parseShardRecord(await (0,promises_.readFile)(file, 'utf8'), `GitHub cache entry ${key}`);
        if (!sameHandoff(existing, record))
            throw conflictingRecordError(`GitHub cache entry ${key}`, existing, record);
    }
    async collect(image, runId, platforms) {
        checkImageAndRun(image, runId);
        const cache = await this.cache();
        const result = { found: new Map(), missing: [] };
        for (const platform of platforms) {
            const prefix = keyPrefix(image, runId, platform);
            const file = this.recordFile(image, runId, platform);
            // A file left here by a put or an earlier collect on this machine must not pass for the restored one.
            await (0,promises_.rm)(file, { force: true });
            // No key is `<prefix>0` (attempts count from 1), and nothing starts with it, so the lookup falls to the
            // restore key, where the cache documents that the most recently created entry with that prefix wins.
            const matched = await restore(cache, file, `${prefix}0`, [prefix], `${prefix}*`);
            if (matched === undefined) {
                result.missing.push({ platform, lookedAt: `GitHub cache keys ${prefix}<attempt>` });
                continue;
            }
            const where = `GitHub cache entry ${matched}`;
            const text = await (0,promises_.readFile)(file, 'utf8').catch((error) => {
                throw new HandoffError(`The GitHub cache restored ${matched}, but ${file} is not there (${error.message}). The ` +
                    'entry is extracted relative to GITHUB_WORKSPACE: do the shard and merge jobs lay out their work and ' +
                    'temp directories alike?');
            });
            const record = parseShardRecord(text, where);
            const runAttempt = matched.slice(prefix.length);
            checkRecordIdentity(record, { image, runId, platform: (0,src_platform/* formatPlatform */.Bq)((0,src_platform/* parsePlatform */.Y8)(platform)), runAttempt }, where);
            result.found.set(platform, { record, where });
        }
        return result;
    }
    async cache() {
        return this.options.cache ?? (await Promise.all(/* import() */[__nccwpck_require__.e(942), __nccwpck_require__.e(691)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1691)));
    }
    /** One directory per image, run and platform, the same for every attempt (the cache version covers the path). */
    recordFile(image, runId, platform) {
        return (0,external_node_path_.join)(this.options.tempDir, 'multiarch-handoff', image, runId, platformSlugOf(platform), 'record.json');
    }
}
/** `multiarch-handoff-<image>-<run id>-<platform slug>-attempt-`, completed by the attempt number. */
function keyPrefix(image, runId, platform) {
    return `multiarch-handoff-${image}-${runId}-${platformSlugOf(platform)}-attempt-`;
}
/**
 * Whether the entry was saved. @actions/cache 4+ reports a failed save (the key exists, the service refused or
 * failed) by returning -1 after logging why; older releases threw ReserveCacheError when the key existed.
 */
async function save(cache, file, key, platform) {
    try {
        return (await cache.saveCache([file], key)) !== -1;
    }
    catch (error) {
        if (error instanceof Error && error.name === 'ReserveCacheError')
            return false;
        throw new HandoffError(`Could not save the handoff record for ${platform} to the GitHub cache under key ${key}: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
}
/** The key restored, or undefined. @actions/cache logs a service failure as a warning and reports a miss. */
async function restore(cache, file, primaryKey, restoreKeys, lookingFor) {
    try {
        return await cache.restoreCache([file], primaryKey, restoreKeys);
    }
    catch (error) {
        throw new HandoffError(`Could not look up ${lookingFor} in the GitHub cache: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/handoff/directory.ts
// The handoff over a directory that every job sees (tests, self-hosted runners with a shared disk):
// `<dir>/<image>/<run id>/<platform slug>/attempt-<n>.json`.






const ATTEMPT_FILE = /^attempt-([1-9][0-9]*)\.json$/;
class DirectoryHandoff {
    directory;
    description;
    constructor(directory) {
        this.directory = directory;
        this.description = `directory ${directory}`;
    }
    async put(record) {
        const text = serializeShardRecord(record);
        // Refuse a bad record here, in the shard, rather than in the merge job.
        parseShardRecord(text, `the record to hand off for ${record.platform}`);
        const directory = this.platformDirectory(record.image, record.runId, record.platform);
        const file = (0,external_node_path_.join)(directory, attemptFile(record.runAttempt));
        await (0,promises_.mkdir)(directory, { recursive: true });
        // As in the GitHub cache, a record once handed off stays: only a retried step may write it again.
        const existing = await readIfExists(file);
        if (existing !== undefined) {
            const previous = parseShardRecord(existing, file);
            if (sameHandoff(previous, record))
                return;
            throw conflictingRecordError(file, previous, record);
        }
        // Written beside the target and renamed: the merge job never reads half a file.
        const unique = (0,external_node_crypto_.randomBytes)(6).toString('hex');
        const temporary = (0,external_node_path_.join)(directory, `.${attemptFile(record.runAttempt)}.${unique}.tmp`);
        try {
            await (0,promises_.writeFile)(temporary, text);
            await (0,promises_.rename)(temporary, file);
        }
        finally {
            await (0,promises_.rm)(temporary, { force: true });
        }
    }
    async collect(image, runId, platforms) {
        checkImageAndRun(image, runId);
        const result = { found: new Map(), missing: [] };
        for (const platform of platforms) {
            const directory = this.platformDirectory(image, runId, platform);
            const newest = Math.max(0, ...(await attemptsIn(directory)));
            if (newest === 0) {
                result.missing.push({ platform, lookedAt: (0,external_node_path_.join)(directory, 'attempt-<n>.json') });
                continue;
            }
            const file = (0,external_node_path_.join)(directory, attemptFile(String(newest)));
            const record = parseShardRecord(await (0,promises_.readFile)(file, 'utf8'), file);
            const canonical = (0,src_platform/* formatPlatform */.Bq)((0,src_platform/* parsePlatform */.Y8)(platform));
            checkRecordIdentity(record, { image, runId, platform: canonical, runAttempt: String(newest) }, file);
            result.found.set(platform, { record, where: file });
        }
        return result;
    }
    platformDirectory(image, runId, platform) {
        return (0,external_node_path_.join)(this.directory, image, runId, platformSlugOf(platform));
    }
}
function attemptFile(runAttempt) {
    return `attempt-${runAttempt}.json`;
}
/** The attempt numbers that have a record in the directory; none when it does not exist. */
async function attemptsIn(directory) {
    let names;
    try {
        names = await (0,promises_.readdir)(directory);
    }
    catch (error) {
        if (isNotFound(error))
            return [];
        throw error;
    }
    return names.flatMap((name) => {
        const attempt = ATTEMPT_FILE.exec(name)?.[1];
        return attempt === undefined ? [] : [Number(attempt)];
    });
}
async function readIfExists(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw error;
    }
}
function isNotFound(error) {
    return error?.code === 'ENOENT';
}

;// CONCATENATED MODULE: ./src/handoff/shards.ts
// The matrix flow's two ends: a shard hands off what each of its builds pushed; the merge collects one record per
// platform and fails closed, naming every missing platform and where it looked.







function createHandoff(handoffDir, tempDir) {
    return handoffDir === '' ? new CacheHandoff({ tempDir }) : new DirectoryHandoff(handoffDir);
}
async function handOff(handoff, inputs, run, plan, builds) {
    const image = imageKey(inputs.tags.map(src_reference/* formatReference */.FH));
    const repositories = plan.repositories.map(src_reference/* formatName */.nD);
    for (const completed of builds) {
        const [platform, ...others] = completed.build.platforms;
        // A shard plans one build per platform (fan-out), so each record names exactly one platform.
        if (!platform || others.length > 0)
            throw new Error(`shard build ${completed.build.name} is not one platform`);
        const temporaryTag = completed.build.temporaryTag;
        const record = {
            version: 1,
            image,
            platform: (0,src_platform/* formatPlatform */.Bq)(platform),
            runId: run.runId,
            runAttempt: run.runAttempt,
            job: run.job,
            descriptor: pushedDescriptor(completed),
            repositories,
            temporaryTags: temporaryTag === undefined ? [] : repositories.map((name) => `${name}:${temporaryTag}`),
            createdAt: new Date().toISOString(),
        };
        await handoff.put(record);
        core/* info */.pq(`Handed off ${record.platform}: ${record.descriptor.digest} (${handoff.description})`);
    }
}
class MissingShardError extends Error {
    name = 'MissingShardError';
}
/**
 * The newest record of each requested platform that a shard handed off, and the platforms none did. Fails, naming
 * each record and what is wrong with it, unless every record found is one this run's shards could have written:
 * the merge publishes their images and post deletes the tags they name.
 */
async function collectShards(handoff, inputs, run) {
    checkRunAttempt(run.runAttempt);
    const image = imageKey(inputs.tags.map(src_reference/* formatReference */.FH));
    const platforms = inputs.platforms.map(src_platform/* formatPlatform */.Bq);
    const { found, missing } = await handoff.collect(image, run.runId, platforms);
    const records = platforms.flatMap((platform) => {
        const record = found.get(platform);
        return record ? [record] : [];
    });
    const thisRun = { ...run, finalTags: inputs.tags, tempTagPrefix: inputs.tempTagPrefix };
    const refused = records.flatMap(({ record, where }) => {
        const problems = recordProblemsForRun(record, thisRun);
        return problems.length === 0 ? [] : [`${where}: ${problems.join('; ')}`];
    });
    if (refused.length > 0) {
        throw new ShardRecordError(`these handoff records are not this run's, so the merge publishes nothing and deletes none of the shards' tags:\n  - ` +
            `${refused.join('\n  - ')}\nA shard of run ${run.runId} (attempt ${run.runAttempt} or earlier) names only ` +
            'the repositories of the final tags and its own temporary tags in them. Remove these records from ' +
            `${handoff.description} and re-run the shard jobs of their platforms.`);
    }
    // Logged only now: every field shown has been checked, so none can pass for a workflow command.
    for (const { record } of records) {
        core/* info */.pq(`${record.platform}: ${record.descriptor.digest} (attempt ${record.runAttempt}, job ${record.job})`);
    }
    return { records: records.map(({ record }) => record), missing };
}
/** Fails closed: every missing platform named, with where it was looked for. */
function requireEveryPlatform(collected, run) {
    const { missing } = collected;
    if (missing.length > 0) {
        throw new MissingShardError(`no shard handed off ${missing.map((m) => m.platform).join(', ')} for run ${run.runId}, so nothing is ` +
            `published. Looked at: ${missing.map((m) => `${m.platform}: ${m.lookedAt}`).join('; ')}. Did every shard ` +
            'job succeed, with the same tags as this merge?');
    }
    return collected.records;
}

// EXTERNAL MODULE: ./src/state.ts
var src_state = __nccwpck_require__(2462);
;// CONCATENATED MODULE: ./src/main.ts
// The main step, in the order the data flows. Building modes (auto, multi, fan-out, shard):
//   inputs → QEMU → builder → plan → builds → (shard: hand off | else: index → verify → outputs → publish in main?)
// merge: inputs → collect the shards' records → index → verify → outputs → publish.
// State is saved before each step that creates something, so post can clean up after a crash.





















/** The main step: fails the step with the error's message (an input error names the input and its form). */
async function runMainStep() {
    try {
        await main();
    }
    catch (error) {
        core/* setFailed */.C1((0,error_message/* errorMessage */.g)(error));
    }
}
async function main() {
    (0,src_state/* markMainStarted */.UM)();
    const inputs = getInputs();
    setPlanOutput(inputs);
    if (inputs.mode === 'plan')
        return;
    const credentials = registry_credentials/* DockerConfigCredentials */.z.fromEnvironment(process.env);
    const registry = (0,access/* createRegistryClient */.H)(process.env, credentials);
    const state = {
        ...(0,src_state/* emptyRunState */.Ux)(),
        mode: inputs.mode,
        cleanup: inputs.cleanup,
        cleanupTags: inputs.cleanupTags.map(src_reference/* formatReference */.FH),
        tempTagPrefix: inputs.tempTagPrefix,
        staleTagHours: inputs.staleTagHours,
        publish: publishWhen(inputs),
        platforms: inputs.platforms.map(src_platform/* formatPlatform */.Bq),
        finalTags: inputs.tags.map(src_reference/* formatReference */.FH),
    };
    (0,src_state/* saveRunState */.iZ)(state);
    try {
        if (inputs.mode === 'merge')
            await merge(inputs, state, registry);
        else
            await buildAndPush(inputs, state, registry, credentials);
    }
    finally {
        (0,src_state/* saveRunState */.iZ)(state);
    }
}
async function buildAndPush(inputs, state, registry, credentials) {
    const run = (0,runtime/* runIdentity */.yK)();
    const docker = new cli/* DockerCli */.Vo();
    const tempDir = await (0,runtime/* stepTempDir */.MJ)();
    const timings = state.timings;
    // A wrong password or a missing permission fails here, in seconds, not after the build.
    if (inputs.push) {
        await (0,runtime/* phase */.Oi)(timings, 'Check registry access', () => (0,access/* checkPushAccess */.L)(registry, credentials, inputs.tags));
    }
    await (0,runtime/* phase */.Oi)(timings, 'Set up QEMU', () => setUpQemu(inputs.qemu, inputs.platforms, inputs.qemuImage, docker));
    const builderChoice = (0,docker_builder/* chooseBuilder */.Z7)(inputs, run);
    if (builderChoice.name && builderChoice.create)
        state.builder = { name: builderChoice.name, created: 'pending' };
    (0,src_state/* saveRunState */.iZ)(state);
    const builder = await (0,runtime/* phase */.Oi)(timings, 'Set up builder', () => (0,docker_builder/* setUpBuilder */.Vk)(inputs, builderChoice, docker, tempDir));
    state.builder = { name: builder.name, created: builder.created };
    const unsupported = unsupportedInput(inputs, await docker.buildxVersion());
    if (unsupported !== undefined)
        throw new PlanError(unsupported);
    const plan = makePlan(inputs, builder, run);
    core/* info */.pq(`Plan: ${describePlan(plan)}`);
    for (const warning of plan.warnings)
        core/* warning */.$e(warning);
    state.temporaryTags = (0,publish/* temporaryReferences */.K9)(plan);
    // The docker driver also keeps each image it pushes in the engine, under the same names: post untags those too.
    if (builder.driver === 'docker')
        state.engineImages = state.temporaryTags;
    (0,src_state/* saveRunState */.iZ)(state);
    const builds = await (0,runtime/* phase */.Oi)(timings, 'Build', () => runBuilds(plan, inputs.build, builder, docker, tempDir));
    setBuildOutputs(builds);
    if (!plan.push) {
        state.mainCompleted = true;
        return;
    }
    if (inputs.mode === 'shard') {
        const handoff = createHandoff(inputs.handoffDir, (0,runtime/* runnerTemp */.X5)());
        await (0,runtime/* phase */.Oi)(timings, 'Hand off', () => handOff(handoff, inputs, run, plan, builds));
        // The merge job owns the temporary tags from here on: it deletes them once it has published.
        state.temporaryTags = [];
        state.platformDigests = Object.fromEntries(builds.map((completed) => [
            completed.build.platforms.map(src_platform/* formatPlatform */.Bq).join(','),
            pushedDescriptor(completed).digest,
        ]));
        state.mainCompleted = true;
        return;
    }
    const images = builds.map((completed) => ({
        descriptor: pushedDescriptor(completed),
        platforms: completed.build.platforms,
    }));
    // What each temporary tag points at: post deletes it only while it still does.
    state.temporaryTagDigests = Object.fromEntries(builds.flatMap((completed) => (0,publish/* temporaryReferences */.K9)({ ...plan, builds: [completed.build] }).map((tag) => [
        tag,
        pushedDescriptor(completed).digest,
    ])));
    (0,src_state/* saveRunState */.iZ)(state);
    const pushed = await (0,runtime/* phase */.Oi)(timings, 'Assemble index', () => (0,publish/* pushIndex */.hZ)(plan, images, registry));
    // The docker driver's copy of buildx's own index, when that is what the run publishes, takes the final tags.
    const [engineCopy] = state.engineImages;
    if (pushed.madeByBuildx && engineCopy !== undefined && plan.publish !== 'false') {
        await tagEngineCopy(docker, engineCopy, plan.finalTags);
    }
    await finishIndex(plan, pushed, state, registry);
}
/** No build: every platform's record from the shards, one index over them, published here and now. */
async function merge(inputs, state, registry) {
    const run = (0,runtime/* runIdentity */.yK)();
    const timings = state.timings;
    const handoff = createHandoff(inputs.handoffDir, (0,runtime/* runnerTemp */.X5)());
    // Fails on any record that is not this run's before a tag it names reaches the state, which post deletes.
    const collected = await (0,runtime/* phase */.Oi)(timings, 'Collect shards', () => collectShards(handoff, inputs, run));
    // Checked to be this run's temporary tags: post deletes them even when a platform is missing.
    state.temporaryTags = collected.records.flatMap((record) => record.temporaryTags);
    state.temporaryTagDigests = Object.fromEntries(collected.records.flatMap((record) => record.temporaryTags.map((tag) => [tag, record.descriptor.digest])));
    (0,src_state/* saveRunState */.iZ)(state);
    const records = requireEveryPlatform(collected, run);
    const plan = {
        platforms: inputs.platforms,
        finalTags: inputs.tags,
        repositories: distinctRepositories(inputs.tags),
        indexAnnotations: splitAnnotations(inputs.build.annotations).indexAnnotations,
        // main, never post: this job has nothing else to wait for; never with push false.
        publish: publishWhen(inputs),
    };
    state.publish = plan.publish;
    const images = records.map((record) => ({
        descriptor: record.descriptor,
        platforms: [(0,src_platform/* parsePlatform */.Y8)(record.platform)],
    }));
    const pushed = await (0,runtime/* phase */.Oi)(timings, 'Assemble index', () => (0,publish/* pushIndex */.hZ)(plan, images, registry));
    await finishIndex(plan, pushed, state, registry);
}
/** Verify, set outputs, record the index for post, and publish now when asked to publish in main. */
async function finishIndex(plan, pushed, state, registry) {
    const [primary] = plan.repositories;
    if (!primary)
        throw new Error('no repository to verify the index in');
    await (0,runtime/* phase */.Oi)(state.timings, 'Verify index', () => (0,publish/* verifyIndex */.MV)(pushed, plan.platforms, primary, registry));
    state.index = pushed.descriptor;
    state.platformDigests = (0,assemble/* platformDigests */.Hm)(pushed.index);
    core/* setOutput */.uH(constants/* Output */.k7.Digest, pushed.descriptor.digest);
    core/* setOutput */.uH(constants/* Output */.k7.PlatformDigests, JSON.stringify(state.platformDigests));
    // build-push-action's shape, naming the index published (buildx's own metadata is in platform-metadata).
    const metadata = {
        'containerimage.descriptor': pushed.descriptor,
        'containerimage.digest': pushed.descriptor.digest,
        'image.name': plan.finalTags.map(src_reference/* formatReference */.FH).join(','),
    };
    core/* setOutput */.uH(constants/* Output */.k7.Metadata, JSON.stringify(metadata));
    core/* info */.pq(`Index ${pushed.descriptor.digest} pushed by digest to ${plan.repositories.length} repositories`);
    state.mainCompleted = true;
    (0,src_state/* saveRunState */.iZ)(state);
    if (plan.publish === 'main') {
        await (0,runtime/* phase */.Oi)(state.timings, 'Publish', () => (0,publish/* publishTags */.Vw)(plan.finalTags, pushed, registry));
        state.published = true;
    }
}
/**
 * The matrix for native runners, as an output of every mode. Only `mode: plan` fails when a platform has no
 * runner: elsewhere the plan is a by-product, not what the step is for.
 */
function setPlanOutput(inputs) {
    try {
        core/* setOutput */.uH(constants/* Output */.k7.Plan, JSON.stringify(planMatrix(inputs.platforms, inputs.runners)));
    }
    catch (error) {
        if (!(error instanceof RunnersError))
            throw error;
        if (inputs.mode === 'plan')
            throw new InputError([`"runners": ${error.message}`]);
        core/* info */.pq(`No plan output: ${error.message}`);
    }
}
/**
 * Outputs of the builds. `platform-metadata`: buildx's metadata of each build, by its platforms. Where no index
 * follows (a shard hands its image off, or nothing is pushed), `metadata` and `digest` are build-push-action's: the
 * one build's metadata, and the digest buildx reports in it (none for a build only: type=cacheonly makes no image).
 * Where an index follows, finishIndex sets them for that index.
 */
function setBuildOutputs(builds) {
    const byPlatforms = builds.map(({ build, metadata }) => [build.platforms.map(src_platform/* formatPlatform */.Bq).join(','), metadata]);
    core/* setOutput */.uH(constants/* Output */.k7.PlatformMetadata, JSON.stringify(Object.fromEntries(byPlatforms)));
    // An image ID names one image: with several platforms buildx reports the index there, which is no image ID.
    const [only] = builds;
    const imageId = only?.metadata['containerimage.config.digest'];
    if (builds.length === 1 && only?.build.platforms.length === 1 && typeof imageId === 'string') {
        core/* setOutput */.uH(constants/* Output */.k7.ImageId, imageId);
    }
    if (builds.some(({ build }) => build.destination === 'index'))
        return;
    core/* setOutput */.uH(constants/* Output */.k7.Metadata, JSON.stringify(builds.length === 1 && only ? only.metadata : {}));
    const digest = only?.metadata['containerimage.digest'];
    if (builds.length === 1 && typeof digest === 'string')
        core/* setOutput */.uH(constants/* Output */.k7.Digest, digest);
}


/***/ }),

/***/ 9196:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ outputsProblems),
/* harmony export */   p: () => (/* binding */ imageOutputOptions)
/* harmony export */ });
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5175);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8286);
// The `outputs` input: buildx --output specs as docker/build-push-action takes them. Without push they go to buildx
// as written (a local test build); with push the action owns the export (by digest, to the repositories of `tags`),
// so an entry there may only add exporter options, such as compression=zstd, to that push. Pure.


/** Options of the image exporter that the action sets itself when it pushes: given values must agree with it. */
const PUSH_OWNED_OPTIONS = new Set(['type', 'name', 'push', 'push-by-digest', 'name-canonical']);
const PUSH_TYPES = new Set(['image', 'registry']);
/** Parses an entry like buildx; throws an Error saying what is wrong, without quoting the entry. */
function parseOutputEntry(entry) {
    let fields;
    try {
        const records = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(entry, { columns: false, relaxColumnCount: true });
        fields = records.flat();
    }
    catch {
        throw new Error('is not one CSV record (expected type=…,key=value, with "quotes" around a value that has commas)');
    }
    const [first] = fields;
    if (fields.length === 1 && first !== undefined && !first.includes('=')) {
        return { type: 'local', options: [{ key: 'dest', value: first }] };
    }
    let type = '';
    const options = [];
    for (const field of fields) {
        const equals = field.indexOf('=');
        if (equals <= 0)
            throw new Error(`has the field "${field}" (expected key=value)`);
        const key = field.slice(0, equals).trim().toLowerCase();
        const value = field.slice(equals + 1);
        if (key === 'type')
            type = value.trim();
        else
            options.push({ key, value });
    }
    if (type === '')
        throw new Error('has no type= (expected type=image, type=local, …)');
    return { type, options };
}
/**
 * What is wrong with `outputs` given `push` and the final tags, each naming the input. With push: at most one
 * entry, of type image or registry, not turning the push off, naming no image outside `tags`, and adding no index
 * annotation (the published index may be one this action assembles: `annotations: index:…` reach it). Without push:
 * nothing that pushes, since only this action's push is followed by an index and a publish.
 */
function outputsProblems(outputs, push, tags) {
    const problems = [];
    const entries = [];
    outputs.forEach((text, index) => {
        try {
            entries.push(parseOutputEntry(text));
        }
        catch (error) {
            problems.push(`"outputs" entry ${index + 1} ${error.message}`);
        }
    });
    if (!push) {
        for (const entry of entries) {
            const pushes = entry.type === 'registry' || entry.options.some(({ key, value }) => key === 'push' && isTrue(value));
            if (pushes) {
                problems.push(`"outputs" has a type=${entry.type} entry that pushes, but "push" is false (expected push: true: this ` +
                    'action then pushes by digest and publishes the index itself)');
            }
        }
        return problems;
    }
    if (outputs.length > 1) {
        problems.push(`"outputs" has ${outputs.length} entries, but "push" is true, which is the one output (expected one ` +
            'type=image entry adding options to the push, such as type=image,compression=zstd)');
    }
    const tagRepositories = new Set(tags.map(_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalRepository */ .JA));
    for (const entry of entries) {
        if (!PUSH_TYPES.has(entry.type)) {
            problems.push(`"outputs" has type=${entry.type}, but "push" is true and this action pushes the image itself (expected ` +
                'type=image with exporter options such as compression=zstd; for a local export, set push: false)');
            continue;
        }
        for (const { key, value } of entry.options) {
            if (key === 'push' && !isTrue(value)) {
                problems.push(`"outputs" has push=${value}, but "push" is true (expected push: false to build only)`);
            }
            else if (key === 'name') {
                for (const name of value.split(',').map((item) => item.trim())) {
                    if (!namesATagRepository(name, tagRepositories)) {
                        problems.push(`"outputs" has name=${name}, which is not a repository of "tags" (expected the images in "tags": ` +
                            'the action pushes to their repositories)');
                    }
                }
            }
            else if (key.startsWith('annotation-index')) {
                problems.push(`"outputs" has ${key} (expected "annotations: index:<key>=<value>": this action writes index ` +
                    'annotations into the index it publishes)');
            }
        }
    }
    return problems;
}
/** The options of the `outputs` entry that the push adds to its own (`compression=zstd`, …), as `key=value` fields. */
function imageOutputOptions(outputs) {
    return outputs
        .map(parseOutputEntry)
        .filter((entry) => PUSH_TYPES.has(entry.type))
        .flatMap((entry) => entry.options.filter(({ key }) => !PUSH_OWNED_OPTIONS.has(key)))
        .map(({ key, value }) => `${key}=${value}`);
}
function namesATagRepository(name, tagRepositories) {
    try {
        return tagRepositories.has((0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalRepository */ .JA)((0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(name)));
    }
    catch {
        return false;
    }
}
/** A boolean exporter option as BuildKit reads it (strconv.ParseBool). */
function isTrue(value) {
    return ['1', 't', 'true'].includes(value.trim().toLowerCase());
}


/***/ }),

/***/ 6737:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ct: () => (/* binding */ buildxBuildArgs),
/* harmony export */   OC: () => (/* binding */ buildxCreateArgs),
/* harmony export */   XR: () => (/* binding */ csvField)
/* harmony export */ });
/* unused harmony exports outputSpec, DEFAULT_BUILDKITD_FLAGS */
/* harmony import */ var _buildx_release_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8683);
/* harmony import */ var _build_outputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9196);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3728);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8286);




function buildxBuildArgs(build, plan, options, builder, files) {
    const args = ['buildx', 'build', '--builder', builder.name];
    args.push('--platform', build.platforms.map(_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPlatform */ .Bq).join(','));
    if (options.file)
        args.push('--file', options.file);
    if (options.target)
        args.push('--target', options.target);
    pushEach(args, '--label', options.labels);
    pushEach(args, '--annotation', plan.buildAnnotations);
    pushEach(args, '--build-arg', options.buildArgs);
    pushEach(args, '--build-context', plan.buildContexts);
    pushEach(args, '--secret', files.secretSpecs);
    pushEach(args, '--secret', options.secretFiles.map((entry) => secretSpec(entry, 'src')));
    pushEach(args, '--secret', options.secretEnvs.map((entry) => secretSpec(entry, 'env')));
    pushEach(args, '--ssh', options.ssh);
    pushEach(args, '--cache-from', build.cacheFrom);
    pushEach(args, '--cache-to', build.cacheTo);
    pushEach(args, '--no-cache-filter', options.noCacheFilters);
    if (options.provenance)
        args.push(`--provenance=${options.provenance}`);
    if (options.sbom)
        args.push(`--sbom=${options.sbom}`);
    pushEach(args, '--attest', attestations(options));
    if (options.noCache)
        args.push('--no-cache');
    if (options.pull)
        args.push('--pull');
    if (options.network)
        args.push('--network', options.network);
    pushEach(args, '--add-host', options.addHosts);
    pushEach(args, '--allow', options.allow);
    if (options.shmSize)
        args.push('--shm-size', options.shmSize);
    pushEach(args, '--ulimit', options.ulimits);
    if (options.cgroupParent)
        args.push('--cgroup-parent', options.cgroupParent);
    if (options.call)
        args.push('--call', options.call);
    args.push(...exportArgs(build, plan, options));
    args.push('--metadata-file', files.metadataFile);
    args.push(plan.context);
    return args;
}
/**
 * `attests` entries, as build-push-action passes them: the `provenance` and `sbom` inputs win over an entry of
 * their type.
 */
function attestations(options) {
    return options.attests.filter((attest) => {
        const type = /(?:^|,)\s*type=([^,]*)/.exec(attest)?.[1]?.trim();
        return !(type === 'provenance' && options.provenance) && !(type === 'sbom' && options.sbom);
    });
}
/**
 * Where the build goes. With push: the action's own push (outputSpec), with the `outputs` entry's options. Without:
 * the user's `outputs` as written and `load`, the images named by `tags` as build-push-action names them; nothing
 * given is type=cacheonly (build only).
 */
function exportArgs(build, plan, options) {
    if (plan.push)
        return ['--output', outputSpec(build, plan, (0,_build_outputs_js__WEBPACK_IMPORTED_MODULE_1__/* .imageOutputOptions */ .p)(options.outputs))];
    if (options.outputs.length === 0 && !options.load)
        return ['--output', 'type=cacheonly'];
    const args = [];
    pushEach(args, '--output', options.outputs);
    if (options.load)
        args.push('--load');
    pushEach(args, '--tag', plan.finalTags.map(_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH));
    return args;
}
/**
 * The push. By digest it leaves no tag behind; a driver that cannot (docker) pushes under the run's temporary tag,
 * which post deletes. Names are quoted: buildx reads --output as CSV. `options` are further exporter options
 * (compression=zstd, …), added after the action's own.
 */
function outputSpec(build, plan, options = []) {
    if (!plan.push)
        return 'type=cacheonly';
    const names = plan.repositories.map(_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatName */ .nD);
    const extra = options.map((option) => `,${csvField(option)}`).join('');
    if (plan.pushByDigest) {
        return `type=image,"name=${names.join(',')}",push-by-digest=true,name-canonical=true,push=true${extra}`;
    }
    if (build.temporaryTag === undefined)
        throw new Error(`build ${build.name} has no temporary tag to push under`);
    const tag = build.temporaryTag;
    return `type=image,"name=${names.map((name) => `${name}:${tag}`).join(',')}",push=true${extra}`;
}
/** `id=x,src=path` or `id=x,env=VAR` as buildx wants it, from build-push-action's `id=path` and `id=VAR` forms. */
function secretSpec(entry, source) {
    const separator = entry.indexOf('=');
    return [`id=${entry.slice(0, separator)}`, `${source}=${entry.slice(separator + 1)}`].map(csvField).join(',');
}
/** One field of a buildx CSV flag value (--secret, --output): quoted when it holds a comma or a quote. */
function csvField(field) {
    return /[",\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
function pushEach(args, flag, values) {
    for (const value of values)
        args.push(flag, value);
}
/**
 * docker/setup-buildx-action's buildkitd flags when `buildkitd-flags` is empty: a build may then ask for these
 * entitlements (`allow: network.host`, `network: host`, `allow: security.insecure`); without them buildkitd refuses.
 */
const DEFAULT_BUILDKITD_FLAGS = '--allow-insecure-entitlement security.insecure --allow-insecure-entitlement network.host';
/** argv of `docker buildx create` for the builder this run owns. */
function buildxCreateArgs(name, driver, driverOpts, buildkitdFlags, config) {
    const args = ['buildx', 'create', '--name', name, '--driver', driver];
    pushEach(args, '--driver-opt', driverOpts);
    args.push('--buildkitd-flags', buildkitdFlags || DEFAULT_BUILDKITD_FLAGS);
    if (config) {
        // buildx 0.13 renamed --config to --buildkitd-config (the old name is deprecated).
        args.push((0,_buildx_release_js__WEBPACK_IMPORTED_MODULE_0__/* .buildxAtLeast */ .d)(config.buildxVersion, '0.13.0') ? '--buildkitd-config' : '--config', config.file);
    }
    args.push('--bootstrap');
    return args;
}


/***/ }),

/***/ 8683:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ buildxAtLeast)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
// Comparing buildx releases as buildx names them (`0.13.1`, `v0.29.1`, Debian's `0.13.1+ds1`). Pure.

/** Whether a buildx version (`0.13.1`, `v0.29.1`, `0.13.1+ds1`) is `minimum` or later; an unreadable one is not. */
function buildxAtLeast(version, minimum) {
    const parsed = semver__WEBPACK_IMPORTED_MODULE_0___default().coerce(version);
    return parsed !== null && semver__WEBPACK_IMPORTED_MODULE_0___default().gte(parsed, minimum);
}


/***/ }),

/***/ 2661:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Xp: () => (/* binding */ parseTemporaryTag),
/* harmony export */   kt: () => (/* binding */ temporaryTag),
/* harmony export */   n4: () => (/* binding */ stepHash)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Names this run gives what it creates in shared places (temporary tags in the registry, a builder on the engine):
// unique per run attempt and step, recognisable as this action's by their shape, and dated, so that a later run
// can tell a crashed run's leftovers from a live run's. Pure.

/**
 * `<prefix>-<run id>-<attempt>-<step hash>-<start time, base 36>-<build>`: unique per run attempt and step,
 * recognisable as ours by its shape, and dated, so that a later run can remove the ones a crashed run left behind.
 */
function temporaryTag(prefix, run, buildName) {
    return `${prefix}-${run.runId}-${run.runAttempt}-${stepHash(run)}-${run.startedAt.toString(36)}-${buildName}`;
}
/** What a temporary tag says of itself, or undefined when the tag is not one of ours (wrong prefix or shape). */
function parseTemporaryTag(prefix, tag) {
    if (!tag.startsWith(`${prefix}-`))
        return undefined;
    const match = /^(\d+)-(\d+)-[0-9a-f]{8}-([0-9a-z]{1,8})-(all|[a-z0-9]+-[a-z0-9]+(?:-[a-z0-9]+)?)$/.exec(tag.slice(prefix.length + 1));
    if (!match)
        return undefined;
    const [, runId = '', runAttempt = '', time = '', build = ''] = match;
    return { runId, runAttempt, createdAt: Number.parseInt(time, 36), build };
}
/** Eight hex digits that tell apart the steps of one run (job and step id): a name, not a secret. */
function stepHash(run) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${run.job}\n${run.action}`).digest('hex').slice(0, 8);
}


/***/ }),

/***/ 3728:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   DN: () => (/* binding */ platformSlug),
/* harmony export */   FL: () => (/* binding */ normalizePlatform),
/* harmony export */   Wk: () => (/* binding */ PlatformError),
/* harmony export */   Y8: () => (/* binding */ parsePlatform),
/* harmony export */   gc: () => (/* binding */ qemuName),
/* harmony export */   my: () => (/* binding */ samePlatform),
/* harmony export */   y$: () => (/* binding */ nativePlatforms)
/* harmony export */ });
// Platforms as buildx and the OCI image spec name them: parsing, normalising, and which ones need emulation.
// Aliases people write for the canonical GOARCH names the OCI spec uses, as containerd normalizes them.
const ARCHITECTURE_ALIASES = {
    x86_64: 'amd64',
    'x86-64': 'amd64',
    aarch64: 'arm64',
    armhf: 'arm',
    armel: 'arm',
    i386: '386',
    i686: '386',
};
/** Debian's arm names carry a variant: armhf is ARMv7 hard-float, armel ARMv5/v6 soft-float (containerd: v6). */
const ALIAS_VARIANTS = { armhf: 'v7', armel: 'v6' };
/** The one OS this action builds: a Linux builder runs only Linux build steps, and QEMU emulates only Linux programs. */
const BUILDABLE_OS = 'linux';
/** OSes buildx names that a Linux builder with QEMU cannot build for, with what building them takes. */
const OTHER_OS = {
    windows: 'a Windows builder',
    darwin: 'a macOS builder',
    freebsd: 'a FreeBSD builder',
};
const KNOWN_ARCHITECTURES = new Set([
    'amd64',
    '386',
    'arm64',
    'arm',
    'riscv64',
    'ppc64le',
    'ppc64',
    's390x',
    'mips64le',
    'mips64',
    'loong64',
]);
/** Variants that mean nothing more than the architecture's baseline, dropped so that comparisons agree. */
const DEFAULT_VARIANT = { arm64: 'v8', amd64: 'v1' };
/**
 * The variants containerd and buildx know for each architecture (GOARM, GOAMD64, arm64's baseline); any other (a
 * typo, `v8.2`, `..`) would name a platform no builder reports, and would not fit in a temporary tag's name.
 */
const KNOWN_VARIANTS = {
    arm: ['v5', 'v6', 'v7'],
    arm64: ['v8'],
    amd64: ['v1', 'v2', 'v3', 'v4'],
};
class PlatformError extends Error {
}
/** Parses `os/arch[/variant]` into its canonical form; throws a PlatformError that says the expected form. */
function parsePlatform(text) {
    const parts = text.trim().toLowerCase().split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '')) {
        throw new PlatformError(`"${text}" is not a platform (expected os/arch[/variant], e.g. linux/arm64)`);
    }
    const [os, rawArchitecture, rawVariant] = parts;
    const architecture = ARCHITECTURE_ALIASES[rawArchitecture] ?? rawArchitecture;
    const otherBuilder = OTHER_OS[os];
    if (otherBuilder !== undefined) {
        throw new PlatformError(`"${text}" is not a Linux platform, and this action builds Linux images only (expected linux/<arch>: ` +
            `building for ${os} takes ${otherBuilder}, and QEMU emulates only Linux programs)`);
    }
    if (os !== BUILDABLE_OS) {
        throw new PlatformError(`"${text}" has an unknown os "${os}" (expected ${BUILDABLE_OS})`);
    }
    if (!KNOWN_ARCHITECTURES.has(architecture)) {
        throw new PlatformError(`"${text}" has an unknown architecture "${rawArchitecture}" (expected one of ${[...KNOWN_ARCHITECTURES].join(', ')})`);
    }
    const known = KNOWN_VARIANTS[architecture] ?? [];
    if (rawVariant !== undefined && !known.includes(rawVariant)) {
        const expected = known.length > 0 ? `none or one of ${known.join(', ')}` : 'none';
        throw new PlatformError(`"${text}" has an unknown variant "${rawVariant}" for ${architecture} (expected ${expected})`);
    }
    const variant = rawVariant ?? ALIAS_VARIANTS[rawArchitecture];
    return normalizePlatform({ os, architecture, ...(variant ? { variant } : {}) });
}
/**
 * One spelling per platform, so that platforms from configs and from users compare equal: baseline variants
 * (arm64/v8, amd64/v1) are dropped, and a bare arm is arm/v7, as containerd and buildx read it.
 */
function normalizePlatform(platform) {
    const architecture = ARCHITECTURE_ALIASES[platform.architecture] ?? platform.architecture;
    const given = platform.variant ?? ALIAS_VARIANTS[platform.architecture] ?? (architecture === 'arm' ? 'v7' : undefined);
    const variant = given && given !== DEFAULT_VARIANT[architecture] ? given : undefined;
    return { os: platform.os, architecture, ...(variant ? { variant } : {}) };
}
function formatPlatform(platform) {
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
function samePlatform(a, b) {
    return formatPlatform(normalizePlatform(a)) === formatPlatform(normalizePlatform(b));
}
/** A form of the platform that is valid inside a tag: `linux/arm/v7` → `linux-arm-v7`. */
function platformSlug(platform) {
    return formatPlatform(platform).replaceAll('/', '-');
}
/**
 * Platforms a runner executes without emulation, by Node's `process.arch`. arm64 runners get only arm64:
 * many arm64 server CPUs (GitHub's among them) cannot run 32-bit arm code.
 */
function nativePlatforms(nodeArch) {
    const native = NATIVE_PLATFORMS[nodeArch] ?? [];
    return native.map(parsePlatform);
}
/** By Node's process.arch; the first is the runner's own architecture. Node calls Linux's ppc64le `ppc64`. */
const NATIVE_PLATFORMS = {
    x64: ['linux/amd64', 'linux/386'],
    arm64: ['linux/arm64'],
    arm: ['linux/arm/v7'],
    ia32: ['linux/386'],
    riscv64: ['linux/riscv64'],
    s390x: ['linux/s390x'],
    ppc64: ['linux/ppc64le'],
    loong64: ['linux/loong64'],
};
// binfmt_misc entry names (`qemu-<name>`) of qemu-user for each architecture.
const QEMU_NAMES = {
    amd64: 'x86_64',
    '386': 'i386',
    arm64: 'aarch64',
    arm: 'arm',
    riscv64: 'riscv64',
    ppc64le: 'ppc64le',
    ppc64: 'ppc64',
    s390x: 's390x',
    mips64le: 'mips64el',
    mips64: 'mips64',
    loong64: 'loongarch64',
};
/** The qemu-user name of the emulator a platform needs (`aarch64` for linux/arm64). */
function qemuName(platform) {
    const name = QEMU_NAMES[platform.architecture];
    if (!name)
        throw new PlatformError(`no QEMU emulator is known for ${formatPlatform(platform)}`);
    return name;
}


/***/ }),

/***/ 9375:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  U: () => (/* binding */ runPostStep)
});

// UNUSED EXPORTS: removeCreatedBuilder

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __nccwpck_require__(3838);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(7242);
// EXTERNAL MODULE: ./src/docker/cli.ts
var cli = __nccwpck_require__(1670);
// EXTERNAL MODULE: ./src/docker/command.ts
var command = __nccwpck_require__(1721);
// EXTERNAL MODULE: ./src/docker/builder.ts
var builder = __nccwpck_require__(9683);
// EXTERNAL MODULE: ./src/plan/temporary-tag.ts
var temporary_tag = __nccwpck_require__(2661);
// EXTERNAL MODULE: ./src/image-index/publish.ts
var publish = __nccwpck_require__(7671);
// EXTERNAL MODULE: ./src/reference.ts
var src_reference = __nccwpck_require__(8286);
// EXTERNAL MODULE: ./src/registry/access.ts + 3 modules
var access = __nccwpck_require__(1038);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./src/registry/digest.ts
var digest = __nccwpck_require__(5035);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __nccwpck_require__(6764);
;// CONCATENATED MODULE: ./src/registry/cleanup/docker-hub.ts
// Docker Hub's registry has no DELETE (it answers 405 UNSUPPORTED, docker/hub-feedback#2360); tags are deleted
// through the Hub's own API:
// - the token: POST https://hub.docker.com/v2/auth/token {identifier, secret}, which takes a password, a personal
//   access token or an organization access token (docs.docker.com/reference/api/hub/latest, "Create access
//   token"; its predecessor /v2/users/login is deprecated);
// - the tag: DELETE https://hub.docker.com/v2/repositories/{namespace}/{repository}/tags/{tag}/, as Docker's own
//   hub-tool does (`hub-tool tag rm`, pkg/hub/tags.go). The Hub API reference documents only GET and HEAD of
//   /v2/namespaces/{namespace}/repositories/{repository}/tags/{tag}, so this is the endpoint Docker's client
//   uses rather than a documented one.


const HUB_API = 'https://hub.docker.com';
const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };
class DockerHubApi {
    #transport;
    /** One login per client, shared by concurrent deletions; forgotten when it fails. */
    #token;
    constructor(transport) {
        this.#transport = transport;
    }
    /**
     * One DELETE of the tag, never retried here: it deletes by name, whatever the tag points at, so its caller
     * checks the tag before each try. NotYetVisibleError when the Hub API does not know the tag (yet: it learns of
     * a tag a little after the registry accepted it).
     */
    async deleteTag(name, tag) {
        const [namespace, repository, ...rest] = name.repository.split('/');
        if (namespace === undefined || repository === undefined || rest.length > 0) {
            throw new Error(`${(0,src_reference/* formatReference */.FH)({ ...name, tag })} is not a Docker Hub NAMESPACE/REPOSITORY`);
        }
        const token = await this.#login();
        const path = [namespace, repository, 'tags', tag].map(encodeURIComponent).join('/');
        const { response } = await this.#transport.request({
            action: `delete tag ${(0,src_reference/* formatReference */.FH)({ ...name, tag })} through the Docker Hub API`,
            method: 'DELETE',
            url: new URL(`/v2/repositories/${path}/`, HUB_API),
            credentials: { bearer: token },
            headers: JSON_HEADERS,
            expect: [200, 202, 204, 404],
            retry: false,
        });
        if (response.status === 404) {
            throw new errors/* NotYetVisibleError */.eS(`the Docker Hub API does not know the tag ${tag}`, 404);
        }
    }
    #login() {
        if (this.#token === undefined) {
            const login = this.#createToken();
            this.#token = login;
            login.catch(() => {
                if (this.#token === login)
                    this.#token = undefined;
            });
        }
        return this.#token;
    }
    async #createToken() {
        const credential = await this.#transport.credential(src_reference/* DOCKER_HUB */.Xb);
        if (credential?.kind !== 'password') {
            const has = credential === undefined ? 'none' : 'only an identity token';
            throw new errors/* RegistryAuthError */.w4(`the Docker Hub API needs a user name with a password or access token, and ` +
                `${this.#transport.credentialsDescription} has ${has} for docker.io`, undefined);
        }
        this.#transport.reveal(credential.password);
        const url = new URL('/v2/auth/token', HUB_API);
        // Retried like the idempotent requests when it fails for a passing reason: a second login only makes a token.
        const { response } = await this.#transport.request({
            action: 'log in to the Docker Hub API',
            method: 'POST',
            url,
            headers: JSON_HEADERS,
            body: Buffer.from(JSON.stringify({ identifier: credential.username, secret: credential.password })),
            expect: [200, 401],
        });
        if (response.status === 401) {
            throw new errors/* RegistryAuthError */.w4(`authentication to the Docker Hub API failed for user "${credential.username}": POST ${url.href} answered 401`, 401);
        }
        const token = accessToken(response.text());
        if (token === undefined) {
            throw new errors/* RegistryError */.gl(`could not log in to the Docker Hub API: POST ${url.href} answered without a token`, 200);
        }
        this.#transport.reveal(token);
        return token;
    }
}
function accessToken(text) {
    try {
        const body = JSON.parse(text);
        const token = typeof body === 'object' && body !== null ? body.access_token : '';
        return typeof token === 'string' && token !== '' ? token : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/registry/types.ts
var types = __nccwpck_require__(234);
;// CONCATENATED MODULE: ./src/registry/cleanup/dummy-manifest.ts
// The dummy image that deleteTag puts under a tag before removing it (tag-deletion.ts): once the tag points at the
// dummy, deleting the dummy, or the tag, can reach nothing else. Its config carries a random nonce (one per
// TagDeleter, so one config serves every dummy of a post step in a repository), and its manifest names the tag it is
// put under: so its digest is new, and no other tag or image shares it. Deleting it by digest can only remove the
// dummy that this deleter put under that very tag.


const NONCE_LABEL = 'dev.multiarch-build.dummy-nonce';
/** An OCI image config for no platform and no layers, with the nonce in a label. */
function dummyConfig(nonce) {
    return Buffer.from(JSON.stringify({
        architecture: 'unknown',
        os: 'unknown',
        config: { Labels: { [NONCE_LABEL]: nonce } },
        rootfs: { type: 'layers', diff_ids: [] },
    }));
}
/**
 * An OCI image manifest of `config` and no layers. `reference` is the tag being deleted, quoted in an annotation
 * for whoever finds a dummy left behind; it also makes the dummies of one config differ, tag by tag.
 */
function dummyManifest(config, reference) {
    const manifest = {
        schemaVersion: 2,
        mediaType: types/* MediaType */.zu.ociManifest,
        config: { mediaType: types/* MediaType */.zu.ociConfig, digest: (0,digest/* digestOf */.o)(config), size: config.length },
        layers: [],
        annotations: {
            'org.opencontainers.image.description': `Dummy put under ${reference} by multiarch-build to delete that tag. It holds no image; delete it.`,
        },
    };
    return Buffer.from(JSON.stringify(manifest));
}

// EXTERNAL MODULE: ./src/registry/cleanup/github-packages.ts
var github_packages = __nccwpck_require__(6799);
// EXTERNAL MODULE: ./src/registry/transient.ts
var registry_transient = __nccwpck_require__(4925);
// EXTERNAL MODULE: ./src/registry/transport.ts + 1 modules
var transport = __nccwpck_require__(5630);
;// CONCATENATED MODULE: ./src/registry/cleanup/tag-deletion.ts
// Deleting a tag without ever deleting the image it points to, nor what another writer put under it. Registries
// disagree on what deleting a tag means: some untag, some delete the manifest behind the tag (and with it every other
// tag of that image), some refuse. So the tag is first pointed at a unique tiny dummy manifest, and only then
// removed, by a means that can reach nothing but the dummy:
//   1. Read the tag (HEAD): when there is none, nothing to do; when the caller expects a digest and the tag points
//      at another, it is left (TagMovedError). A tag known to be there, with nothing expected, is not read, so a
//      dangling tag (listed, resolving to nothing) is removed too.
//   2. Put the dummy under the tag. Its config, with this deleter's random nonce, is uploaded once per repository
//      and shared; the manifest names the tag. So its digest, computed here, belongs to this deleter and this tag.
//   3. ghcr.io has no registry DELETE: delete the dummy's package version through the GitHub Packages API.
//      docker.io has no registry DELETE: delete the tag through the Docker Hub API, each time right after a HEAD
//      showed that it still points at the dummy (that API deletes by name).
//      Any other registry: DELETE the dummy by digest (distribution, Harbor, GitLab, GAR, Quay…); when that is
//      refused as unsupported, DELETE the tag, right after a HEAD showed that it still points at the dummy.
// No write of steps 2 and 3 is sent twice blindly: the transport does not retry them, and before another try the
// tag is read again; a tag another writer moved meanwhile is left as it is (TagMovedError).
// A failure after step 2 leaves the tag on the harmless dummy; the error says so, and how to remove it.










/** deleteTag put a dummy under the tag but could not remove it: the tag now points at that dummy. */
class DummyManifestNotDeletedError extends errors/* RegistryError */.gl {
    tag;
    dummyDigest;
    name = 'DummyManifestNotDeletedError';
    constructor(message, cause, 
    /** The tag left behind, as a full reference. */
    tag, 
    /** The digest of the dummy manifest the tag now points at. */
    dummyDigest) {
        super(message, cause.status, cause.codes, { cause });
        this.tag = tag;
        this.dummyDigest = dummyDigest;
    }
}
/** Someone else put another manifest under the tag while it was being deleted: it is not ours to delete. */
class TagMovedError extends errors/* RegistryError */.gl {
    movedTo;
    name = 'TagMovedError';
    constructor(message, 
    /** What the tag points at now. */
    movedTo) {
        super(message, undefined);
        this.movedTo = movedTo;
    }
}
/** Every write of a deletion is sent once by the transport: deleteTag reads the tag before it tries again. */
const SENT_ONCE = { retry: false };
/** What the deletion is built from: the client's own manifest and blob operations. */
class TagDeleter {
    #store;
    #transport;
    #dockerHub;
    /** Every dummy's config holds this deleter's random nonce, so each dummy is this deleter's own. */
    #config = dummyConfig((0,external_node_crypto_.randomUUID)());
    /** The upload of #config to each repository (by name), started once and awaited by every deletion there. */
    #configUploads = new Map();
    constructor(client) {
        this.#store = client;
        this.#transport = client.transport;
        this.#dockerHub = new DockerHubApi(client.transport);
    }
    /**
     * Removes a tag without ever deleting the image it points to. Returns how it was removed ('absent' when there
     * was no such tag). When the tag cannot be removed, the error (a DummyManifestNotDeletedError once the tag points
     * at the dummy, a TagMovedError when another writer moved it) says what was left and how to remove it.
     */
    async deleteTag(name, tag, options = {}) {
        if (!(0,src_reference/* isValidTag */.r_)(tag))
            throw new Error(`cannot delete tag "${tag}" of ${(0,src_reference/* formatName */.nD)(name)}: not a valid tag`);
        const reference = (0,src_reference/* formatReference */.FH)({ ...name, tag });
        const dummy = dummyManifest(this.#config, reference);
        // The only digest deleted below: computed from the dummy's bytes (putManifest checks that the registry agrees),
        // so the image the tag pointed to before cannot be the one deleted.
        const deletion = { name, tag, reference, dummy, dummyDigest: (0,digest/* digestOf */.o)(dummy), seen: undefined };
        const expected = options.expectedDigest;
        if (expected === undefined && !options.present) {
            deletion.seen = (await this.#store.headManifest(name, tag))?.digest;
            if (deletion.seen === undefined)
                return 'absent';
        }
        await this.#uploadConfig(name);
        if (expected !== undefined) {
            // Read after the config upload, which may take a while: right before the dummy goes over it.
            const current = (await this.#store.headManifest(name, tag))?.digest;
            if (current === undefined)
                return 'absent';
            deletion.seen = expected;
            if (current !== expected)
                throw moved(deletion, current, expected);
        }
        await this.#putDummy(deletion);
        const protectedDigests = options.protectedDigests ?? new Set();
        try {
            (0,errors/* refuseProtected */.fZ)(deletion.dummyDigest, protectedDigests);
            return await this.#removeDummy(deletion, { ...options, protectedDigests });
        }
        catch (error) {
            if (!(error instanceof errors/* RegistryError */.gl) || error instanceof TagMovedError)
                throw error;
            throw new DummyManifestNotDeletedError(`could not delete tag ${reference}: ${error.message}. The tag now points at a harmless dummy manifest ` +
                `${deletion.dummyDigest} (no layers), not at any image. To remove it, ` +
                `${removalAdvice(name, tag, deletion.dummyDigest)}.`, error, reference, deletion.dummyDigest);
        }
    }
    /**
     * The config's upload to the repository, shared by every deletion there. A failed upload (already retried by
     * uploadBlob) fails the deletions awaiting it with its error, before any dummy is put, and is then forgotten:
     * the next deletion in that repository uploads again.
     */
    #uploadConfig(name) {
        const key = (0,src_reference/* formatName */.nD)(name);
        const known = this.#configUploads.get(key);
        if (known !== undefined)
            return known;
        const upload = this.#store.uploadBlob(name, this.#config, types/* MediaType */.zu.ociConfig);
        this.#configUploads.set(key, upload);
        upload.catch(() => this.#configUploads.delete(key));
        return upload;
    }
    /**
     * Puts the dummy under the tag. A PUT that failed for a passing reason may have got through: before the next try
     * the tag is read, and the dummy goes only over nothing or over what the tag pointed at before. A tag known present
     * but not read points, the first time it is read, at what it pointed at before: no one else writes it.
     */
    async #putDummy(deletion) {
        let attempts = 0;
        await this.#transport.retrying(async () => {
            if (attempts++ > 0) {
                const state = await this.#tagState(deletion);
                if (state === 'dummy')
                    return;
                if (state !== 'gone') {
                    deletion.seen ??= state.movedTo;
                    if (state.movedTo !== deletion.seen)
                        throw moved(deletion, state.movedTo, deletion.seen);
                }
            }
            await this.#store.putManifest(deletion.name, deletion.tag, deletion.dummy, types/* MediaType */.zu.ociManifest, SENT_ONCE);
        });
    }
    async #removeDummy(deletion, options) {
        const { name, tag, dummyDigest } = deletion;
        if (name.registry === github_packages/* GHCR */.f) {
            const token = options.githubToken;
            if (token === undefined || token === '') {
                throw new errors/* RegistryError */.gl('ghcr.io has no registry DELETE, and no GitHub token was given for its API', undefined);
            }
            await this.#removeWhileOnDummy(deletion, false, () => (0,github_packages/* deleteGhcrPackageVersion */.e)(this.#transport, name, dummyDigest, {
                token,
                protectedDigests: options.protectedDigests,
            }));
            return 'github-package-version';
        }
        if (name.registry === src_reference/* DOCKER_HUB */.Xb) {
            // The Hub API deletes by name, and knows a tag a little after the registry does (NotYetVisibleError).
            await this.#removeWhileOnDummy(deletion, true, () => this.#dockerHub.deleteTag(name, tag), (error) => (0,registry_transient/* transientFailure */.R)(error) || error instanceof errors/* NotYetVisibleError */.eS);
            return 'docker-hub-api';
        }
        return this.#deleteWithRegistryApi(deletion);
    }
    async #deleteWithRegistryApi(deletion) {
        const { name, tag } = deletion;
        let refusal;
        try {
            await this.#deleteDummyByDigest(deletion);
            return 'dummy-digest-delete';
        }
        catch (error) {
            if (!isRefusedAsUnsupported(error))
                throw error;
            refusal = error;
        }
        try {
            // Whatever the registry deletes along with the tag can only be the dummy, as long as the tag points at it.
            await this.#removeWhileOnDummy(deletion, true, async () => {
                await this.#transport.request({
                    action: `delete tag ${deletion.reference}`,
                    method: 'DELETE',
                    ...(0,transport/* repositoryTarget */.IX)(name, 'delete', `manifests/${tag}`),
                    expect: [200, 202, 204],
                    ...SENT_ONCE,
                });
            });
        }
        catch (error) {
            if (!(error instanceof errors/* RegistryError */.gl) || error instanceof TagMovedError)
                throw error;
            throw new errors/* RegistryError */.gl(`the registry refused both to delete the dummy by digest (${refusal.message}) and to delete the tag ` +
                `(${error.message})`, error.status, error.codes, { cause: error });
        }
        return 'dummy-tag-delete';
    }
    /**
     * DELETE of the dummy by digest. One that failed may have got through, or half-way (see isManifestUnknown): before
     * the next try the tag is read; on the dummy, the DELETE is sent again; at nothing, the same dummy is put back
     * under it first (over nothing), which ends both cases cleanly; moved, it is left.
     */
    async #deleteDummyByDigest(deletion) {
        const { name, tag, dummy, dummyDigest } = deletion;
        let attempts = 0;
        await this.#transport.retrying(async () => {
            if (attempts++ > 0) {
                const state = await this.#tagState(deletion);
                if (typeof state === 'object')
                    throw moved(deletion, state.movedTo, deletion.dummyDigest);
                if (state === 'gone')
                    await this.#store.putManifest(name, tag, dummy, types/* MediaType */.zu.ociManifest, SENT_ONCE);
            }
            await this.#store.deleteManifest(name, dummyDigest, SENT_ONCE);
        }, (error) => (0,registry_transient/* transientFailure */.R)(error) || isManifestUnknown(error));
    }
    /**
     * Runs `remove` (one request) until it gets through. Before each further try, and before the first when
     * `checkFirst` (a removal by name, which reaches whatever the tag points at), the tag must still be on the dummy:
     * at nothing, an earlier try got through; moved, it is left.
     */
    async #removeWhileOnDummy(deletion, checkFirst, remove, isRetryable) {
        let attempts = 0;
        await this.#transport.retrying(async () => {
            if (attempts++ > 0 || checkFirst) {
                const state = await this.#tagState(deletion);
                if (state === 'gone')
                    return;
                if (state !== 'dummy')
                    throw moved(deletion, state.movedTo, deletion.dummyDigest);
            }
            await remove();
        }, isRetryable);
    }
    /** One HEAD, not retried: it runs within a sequence that its caller retries as a whole. */
    async #tagState(deletion) {
        const current = await this.#store.headManifest(deletion.name, deletion.tag, SENT_ONCE);
        if (current === undefined)
            return 'gone';
        return current.digest === deletion.dummyDigest ? 'dummy' : { movedTo: current.digest };
    }
}
/** The tag points at `movedTo` where this deletion left it at `left` (what it pointed at before, or the dummy). */
function moved(deletion, movedTo, left) {
    const what = left === deletion.dummyDigest ? `the dummy ${left} put under it` : left;
    return new TagMovedError(`could not delete tag ${deletion.reference}: another writer moved it meanwhile (it points at ${movedTo}, not at ` +
        `${what}): it is left as it is`, movedTo);
}
/**
 * A DELETE of the dummy answering 404 means an earlier try got through (its answer lost), or got half-way:
 * distribution may remove the dummy's revision but not yet the tag, leaving the tag listed and resolving to
 * nothing. Putting the same dummy bytes back under the tag (which a HEAD shows at nothing) and deleting them once
 * more ends both cases cleanly.
 */
function isManifestUnknown(error) {
    return error instanceof errors/* RegistryError */.gl && error.status === 404;
}
/**
 * How registries without a DELETE by digest refuse it: 405 (distribution with deletes disabled, GHCR, Docker Hub)
 * or UNSUPPORTED, and 400 from some. Not an authentication failure: that one is reported as it is.
 */
function isRefusedAsUnsupported(error) {
    return (error instanceof errors/* RegistryError */.gl &&
        !(error instanceof errors/* RegistryAuthError */.w4) &&
        (error.status === 400 || error.status === 405 || error.codes.includes('UNSUPPORTED')));
}
/** What a person can do about a tag left on a dummy, in this registry. */
function removalAdvice(name, tag, dummyDigest) {
    if (name.registry === github_packages/* GHCR */.f) {
        return (`delete the package version ${dummyDigest} of ${github_packages/* GHCR */.f}/${name.repository} on github.com (in the package's ` +
            'settings), or give the action a github-token that may delete package versions (permissions: packages: write)');
    }
    if (name.registry === src_reference/* DOCKER_HUB */.Xb) {
        return `delete the tag ${tag} on https://hub.docker.com/repository/docker/${name.repository}/tags`;
    }
    return (`delete the manifest ${dummyDigest} (DELETE /v2/${name.repository}/manifests/${dummyDigest}; a distribution ` +
        'registry needs storage.delete.enabled: true) or the tag, with the registry’s own tools');
}

// EXTERNAL MODULE: ./src/runtime.ts
var runtime = __nccwpck_require__(3683);
// EXTERNAL MODULE: ./src/state.ts
var src_state = __nccwpck_require__(2462);
;// CONCATENATED MODULE: ./src/summary.ts
// The job summary: what was built, what was published, what was deleted, left behind or skipped, and where time went.

/** Markdown for GITHUB_STEP_SUMMARY. Pure: everything it shows comes from state and the post report. */
function summaryMarkdown(state, report) {
    const lines = ['## multiarch-build', ''];
    const outcome = !state.mainCompleted
        ? 'Main did not finish: nothing was published.'
        : state.mode === 'shard'
            ? 'Built and handed off; the merge job publishes.'
            : report.incompletePublish
                ? 'Not published under every tag: see below where each tag points, and how to finish.'
                : report.published.length > 0 || state.published
                    ? 'Published.'
                    : state.publish === 'false'
                        ? 'Built and pushed by digest; not published (publish: false or push: false).'
                        : 'Not published.';
    lines.push(outcome, '');
    if (state.index)
        lines.push(`**Index digest:** \`${state.index.digest}\``, '');
    lines.push('| Platform | Manifest digest |', '| --- | --- |');
    for (const platform of state.platforms) {
        lines.push(`| ${platform} | ${state.platformDigests[platform] ? `\`${state.platformDigests[platform]}\`` : '—'} |`);
    }
    lines.push('');
    if (report.incompletePublish)
        incompletePublishSection(lines, report.incompletePublish);
    section(lines, 'Tags published', report.published);
    section(lines, 'Temporary tags deleted', report.deleted);
    section(lines, 'Left behind', report.leftBehind);
    if (report.skipped.length > 0) {
        lines.push('**Skipped:**', '', ...report.skipped.map((item) => `- \`${item.subject}\`: ${oneLine(item.reason)}`), '');
    }
    section(lines, 'Notes', report.notes);
    if (state.timings.length > 0) {
        lines.push('| Phase | Seconds |', '| --- | --: |');
        for (const timing of state.timings)
            lines.push(`| ${timing.phase} | ${timing.seconds.toFixed(1)} |`);
        lines.push('');
    }
    return lines.join('\n');
}
function incompletePublishSection(lines, incomplete) {
    lines.push('**Not published under every tag:**', '', ...incomplete.tags.map((outcome) => `- ${oneLine((0,publish/* describeOutcome */.SS)(outcome, incomplete.indexDigest))}`), '', 'To finish publishing, run:', '', '```sh', incomplete.command, '```', '');
}
function section(lines, title, items) {
    if (items.length === 0)
        return;
    lines.push(`**${title}:**`, '', ...items.map((item) => `- \`${item}\``), '');
}
/** A registry's message may span lines; a list item may not. */
function oneLine(text) {
    return text.replace(/\s*\n\s*/g, ' ');
}

// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __nccwpck_require__(6587);
;// CONCATENATED MODULE: ./src/post.ts
// The post step, run always (post-if: always()): publish what main finished, then clean up what this run
// created (and the leftovers the user listed, and stale temporary tags of crashed runs). It never throws: a failed
// publish fails the step; a failed cleanup is a warning that says what was left behind and how to remove it. Every
// guard fails closed: a tag whose state could not be checked is kept, and the summary says so.















/** The post step, with main's state: it never throws, anything unforeseen is a warning. */
async function runPostStep() {
    try {
        const state = (0,src_state/* loadRunState */.fQ)();
        if (state)
            await post(state);
        else
            core/* info */.pq('Main saved no state: nothing to publish or clean up.');
    }
    catch (error) {
        // What cleanup could not do is said in its own warnings; this one names what went wrong.
        core/* warning */.$e(`post step: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
}
async function post(state) {
    const report = { published: [], deleted: [], leftBehind: [], skipped: [], notes: [] };
    const registry = (0,access/* createRegistryClient */.H)();
    const index = await readIndex(state, registry);
    const run = (0,runtime/* runIdentity */.yK)();
    await (0,runtime/* phase */.Oi)(state.timings, 'Publish and clean up', async () => {
        if (!state.cleanup) {
            await publishIfDue(state, index?.bytes, report, registry);
            if (state.temporaryTags.length > 0) {
                report.leftBehind.push(...state.temporaryTags);
                core/* info */.pq(`cleanup is false: leaving ${state.temporaryTags.join(', ')}`);
            }
            return;
        }
        const cleaner = new TagCleaner(registry, report, protectedDigests(state, index?.json), state.index?.digest, core/* getInput */.V4(constants/* Input */.pd.GithubToken));
        // Read before anything is published: a leftover is deleted only while it still points where it did then.
        const leftovers = await cleaner.read(state.cleanupTags.map(src_reference/* parseReference */.F2));
        // Publishing and cleanup touch different tags, so they run together.
        const publishing = publishIfDue(state, index?.bytes, report, registry);
        // The registry's tags and the engine's builder and images are apart: they are cleaned up together.
        await Promise.all([
            cleanUpRegistry(state, cleaner, publishing, leftovers, run),
            cleanUpEngine(state, new cli/* DockerCli */.Vo(), report, run),
        ]);
    });
    await core/* summary */.z.addRaw(summaryMarkdown(state, report)).write();
}
/** The index main pushed, read back once: post publishes its bytes and protects everything it references. */
async function readIndex(state, registry) {
    const [first] = state.finalTags;
    if (!state.index || first === undefined)
        return undefined;
    try {
        return await registry.getManifest((0,src_reference/* parseReference */.F2)(first), state.index.digest);
    }
    catch (error) {
        core/* warning */.$e(`Could not read the index ${state.index.digest}: ${(0,error_message/* errorMessage */.g)(error)}`);
        return undefined;
    }
}
/**
 * The index this run pushed and every manifest it references: no deletion may ever remove one of them, whatever
 * tag or package version points at it.
 */
function protectedDigests(state, index) {
    const digests = new Set(Object.values(state.platformDigests));
    if (state.index)
        digests.add(state.index.digest);
    if (index && (0,types/* isImageIndex */.yR)(index))
        for (const child of index.manifests)
            digests.add(child.digest);
    return digests;
}
/**
 * Publishes when it is post's to do (publish: post), or when main's publish did not finish (main recorded the
 * verified index, then failed or was stopped while publishing): a tag PUT of the same bytes is idempotent, so post
 * tries again. When tags still differ, the error and the summary say where each points and how to finish.
 */
async function publishIfDue(state, indexBytes, report, registry) {
    if (state.published) {
        report.published.push(...state.finalTags);
        return;
    }
    if (state.publish === 'false')
        return;
    const index = state.index;
    if (!state.mainCompleted || !index) {
        if (state.publish === 'post') {
            report.notes.push('main did not finish every build: nothing was published');
            core/* info */.pq('Main did not finish every build: nothing is published.');
        }
        return;
    }
    if (state.publish === 'main') {
        report.notes.push("main's publish did not finish: post tried again");
        core/* info */.pq("Main's publish did not finish: publishing again.");
    }
    try {
        if (!indexBytes)
            throw new Error(`the index ${index.digest} could not be read back from the registry`);
        const tags = state.finalTags.map(src_reference/* parseReference */.F2);
        const published = await (0,publish/* publishTags */.Vw)(tags, { descriptor: index, bytes: indexBytes }, registry);
        report.published.push(...published);
        state.published = true;
    }
    catch (error) {
        if (error instanceof publish/* PublishIncompleteError */.UK)
            report.incompletePublish = error;
        core/* setFailed */.C1(`Publishing ${index.digest} failed: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
}
/** The tags this run created, the stale tags of crashed runs, and, once published, the user's leftovers. */
async function cleanUpRegistry(state, cleaner, publishing, leftovers, run) {
    await Promise.all([
        ...state.temporaryTags.map((tag) => {
            const expectedDigest = state.temporaryTagDigests[tag];
            return cleaner.delete((0,src_reference/* parseReference */.F2)(tag), expectedDigest ? { expectedDigest } : { present: temporaryTagsPresent(state) });
        }),
        state.staleTagHours > 0 ? cleaner.deleteStale(state, run.runId) : undefined,
        publishing.then(async () => {
            if (state.published)
                await cleaner.deleteLeftovers(state, leftovers);
            else if (state.cleanupTags.length > 0)
                cleaner.report.notes.push('cleanup-tags were kept: nothing was published');
        }),
    ]);
}
/**
 * This job pushed its temporary tags itself and finished every build, so they are all there: no HEAD of each
 * before its deletion. A merge job's were pushed by other jobs, and may be gone already (e.g. on a re-run).
 */
function temporaryTagsPresent(state) {
    return state.mainCompleted && state.mode !== 'merge';
}
/**
 * Whether this run pushed, or was about to push, anything: one that pushed nothing (push: false) deletes nothing in
 * the registry, where it may only have been meant to read.
 */
function pushedAnything(state) {
    return state.index !== undefined || state.temporaryTags.length > 0 || Object.keys(state.platformDigests).length > 0;
}
/** The builder this run created, and the names the docker driver left in the engine. */
async function cleanUpEngine(state, docker, report, run) {
    await Promise.all([
        removeCreatedBuilder(state.builder, docker, run),
        untagEngineImages(state.engineImages, docker, report),
    ]);
}
/** The docker driver's copies of this run's images, still under temporary names in the engine, are untagged. */
async function untagEngineImages(names, docker, report) {
    try {
        await docker.untagImages(names);
    }
    catch (error) {
        report.leftBehind.push(...names.map((name) => `${name} (in the docker engine)`));
        core/* warning */.$e(`Could not untag this run's images in the docker engine: ${(0,error_message/* errorMessage */.g)(error)} (remove them with: docker image rm ${names.join(' ')})`);
    }
}
/**
 * Removes the builder this step created; a failure is a warning that says how to remove it by hand. Main records
 * the builder as 'pending' while `buildx create` runs: such a one is removed only if it exists under a name only
 * this step gives (a create that failed because the name was taken must not remove whoever took it).
 */
async function removeCreatedBuilder(builder, docker, run) {
    if (!builder || builder.created === false)
        return;
    const removal = `remove it with: docker buildx rm ${builder.name}`;
    if (builder.created === 'pending') {
        if (!isThisStepsBuilderName(builder.name, run)) {
            core/* warning */.$e(`The builder ${builder.name} may not be this step's (main did not see it created): kept (${removal})`);
            return;
        }
        try {
            await docker.buildx(['buildx', 'inspect', builder.name], { quiet: true });
        }
        catch (error) {
            if (error instanceof command/* CommandError */.Qd && /no builder .* found/i.test(error.message))
                return;
            core/* warning */.$e(`Could not check whether the builder ${builder.name} exists: ${(0,error_message/* errorMessage */.g)(error)} (${removal})`);
            return;
        }
    }
    try {
        await docker.removeBuilder(builder.name);
        core/* info */.pq(`Removed builder ${builder.name}`);
    }
    catch (error) {
        core/* warning */.$e(`Could not remove the builder ${builder.name}: ${(0,error_message/* errorMessage */.g)(error)} (${removal})`);
    }
}
/**
 * chooseBuilder's name for a builder this step creates: this step's run, attempt and step hash, then what tells
 * matrix legs of one step apart. No other step, nor a builder the user named, has such a name.
 */
function isThisStepsBuilderName(name, run) {
    const prefix = (0,builder/* createdBuilderPrefix */.i7)(run);
    return name.startsWith(prefix) && name.length > prefix.length;
}
/** Deletes tags safely (the registry client never deletes an image), reporting each outcome once. */
class TagCleaner {
    registry;
    report;
    protectedDigests;
    indexDigest;
    githubToken;
    #deleter;
    constructor(registry, report, protectedDigests, 
    /** The index this run pushed. */
    indexDigest, githubToken) {
        this.registry = registry;
        this.report = report;
        this.protectedDigests = protectedDigests;
        this.indexDigest = indexDigest;
        this.githubToken = githubToken;
        this.#deleter = new TagDeleter(registry);
    }
    /** What each tag points at now, by its full reference; the tags are read together. */
    async read(tags) {
        const readings = await Promise.all(tags.map(async (tag) => {
            try {
                return [
                    (0,src_reference/* formatReference */.FH)(tag),
                    { digest: (await this.registry.headManifest(tag, tag.tag ?? 'latest'))?.digest },
                ];
            }
            catch (error) {
                return [(0,src_reference/* formatReference */.FH)(tag), { unreadable: (0,error_message/* errorMessage */.g)(error) }];
            }
        }));
        return new Map(readings);
    }
    /**
     * `cleanup-tags`: the user's own leftovers (e.g. per-arch tags of an older workflow), as `readings` found them
     * when post started. Kept: a final tag however spelt, a tag that points at the published index (deleting it would
     * hide what this run just published), and one whose target could not be read. Any other is deleted only while it
     * still points where it did.
     */
    async deleteLeftovers(state, readings) {
        const finalTags = new Set(state.finalTags.map((tag) => (0,src_reference/* canonicalReference */.Ys)((0,src_reference/* parseReference */.F2)(tag))));
        await Promise.all(state.cleanupTags.map(src_reference/* parseReference */.F2).map(async (tag) => {
            const reference = (0,src_reference/* formatReference */.FH)(tag);
            const reading = readings.get(reference) ?? { unreadable: 'it was not read' };
            if (finalTags.has((0,src_reference/* canonicalReference */.Ys)(tag))) {
                this.keep(reference, 'kept: it is one of the final tags (spelt another way)');
            }
            else if ('unreadable' in reading) {
                this.keep(reference, `kept: could not check what it points at (${reading.unreadable})`);
            }
            else if (reading.digest === this.indexDigest) {
                this.keep(reference, 'kept: it points at the published index');
            }
            else if (reading.digest !== undefined) {
                await this.delete(tag, { expectedDigest: reading.digest });
            }
        }));
    }
    /**
     * Temporary tags that crashed runs left behind: recognised only by this action's naming scheme (prefix, run id,
     * attempt, step hash, start time), only when older than stale-tag-hours, and only of runs older than this one
     * (GitHub's run ids grow): a run still in progress keeps its own. A run that pushed nothing sweeps nothing.
     */
    async deleteStale(state, runId) {
        const sweep = 'stale temporary tags';
        if (!pushedAnything(state)) {
            this.skip(sweep, 'not looked for: this run pushed nothing');
            return;
        }
        if (!/^\d+$/.test(runId)) {
            this.skip(sweep, `not looked for: this run's id "${runId}" is not a number, so newer runs cannot be told apart`);
            return;
        }
        const own = new Set(state.temporaryTags);
        const cutoff = Date.now() / 1000 - state.staleTagHours * 3600;
        const repositories = new Map(state.finalTags.map(src_reference/* parseReference */.F2).map((ref) => [(0,src_reference/* formatName */.nD)(ref), ref]));
        for (const repository of repositories.values()) {
            const tags = await this.registry.listTags(repository).catch((error) => {
                core/* warning */.$e(`Could not list the tags of ${(0,src_reference/* formatName */.nD)(repository)} to find stale ones: ${(0,error_message/* errorMessage */.g)(error)}`);
                return [];
            });
            const stale = [];
            for (const tag of tags) {
                const parsed = (0,temporary_tag/* parseTemporaryTag */.Xp)(state.tempTagPrefix, tag);
                const reference = `${(0,src_reference/* formatName */.nD)(repository)}:${tag}`;
                if (parsed === undefined || parsed.createdAt >= cutoff || own.has(reference))
                    continue;
                if (BigInt(parsed.runId) >= BigInt(runId)) {
                    this.skip(reference, `kept: run ${parsed.runId} is this run or a newer one, which may still be using it`);
                }
                else {
                    stale.push({ ...repository, tag });
                }
            }
            if (stale.length > 0)
                core/* info */.pq(`Deleting ${stale.length} stale temporary tags of ${(0,src_reference/* formatName */.nD)(repository)}`);
            const readings = await this.read(stale);
            await Promise.all(stale.map(async (tag) => {
                const reference = (0,src_reference/* formatReference */.FH)(tag);
                const reading = readings.get(reference) ?? { unreadable: 'it was not read' };
                if ('unreadable' in reading) {
                    this.keep(reference, `kept: could not check what it points at (${reading.unreadable})`);
                    return;
                }
                // Just listed: one resolving to nothing (its manifest deleted under it) is removed too.
                const options = reading.digest === undefined ? { present: true } : { expectedDigest: reading.digest };
                await this.delete(tag, options);
            }));
        }
    }
    async delete(tag, options = {}) {
        const reference = (0,src_reference/* formatReference */.FH)(tag);
        try {
            const outcome = await this.#deleter.deleteTag(tag, tag.tag ?? '', {
                ...options,
                protectedDigests: this.protectedDigests,
                ...(this.githubToken === '' ? {} : { githubToken: this.githubToken }),
            });
            if (outcome !== 'absent')
                this.report.deleted.push(reference);
        }
        catch (error) {
            if (error instanceof TagMovedError) {
                const published = error.movedTo === this.indexDigest;
                this.keep(reference, published
                    ? 'kept: it points at the published index'
                    : `kept: ${error.movedTo} was put under it meanwhile, by another writer`);
                return;
            }
            this.report.leftBehind.push(reference);
            core/* warning */.$e(`Could not delete the tag ${reference}: ${(0,error_message/* errorMessage */.g)(error)}`);
        }
    }
    /** A tag this run will not delete, though asked to: a warning, and the reason in the summary. */
    keep(reference, reason) {
        this.report.skipped.push({ subject: reference, reason });
        core/* warning */.$e(`${reference}: ${reason}`);
    }
    /** Something cleanup rightly leaves alone: said in the summary and the log, without a warning. */
    skip(subject, reason) {
        this.report.skipped.push({ subject, reason });
        core/* info */.pq(`${subject}: ${reason}`);
    }
}


/***/ }),

/***/ 8286:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   JA: () => (/* binding */ canonicalRepository),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   Ys: () => (/* binding */ canonicalReference),
/* harmony export */   nD: () => (/* binding */ formatName),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
// Image references as Docker reads them (github.com/distribution/reference, "normalized" names):
// `[registry/]name[:tag][@digest]`, where a bare name means Docker Hub's `docker.io/library/name`.
const DOCKER_HUB = 'docker.io';
/** Docker Hub's names in references; Docker rewrites the older `index.docker.io` to `docker.io`. */
const DOCKER_HUB_NAMES = [DOCKER_HUB, 'index.docker.io'];
/** Every host that serves Docker Hub's repositories: its names in references, and the registry API's own host. */
const DOCKER_HUB_HOSTS = [...DOCKER_HUB_NAMES, 'registry-1.docker.io'];
const EXPECTED_FORM = '[registry/]name[:tag][@digest]';
/** Docker's limit for the whole name, registry included. */
const MAX_NAME_LENGTH = 255;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
// The registered algorithms of the OCI image spec, with the lowercase hex it requires.
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
// One path component: lowercase alphanumerics joined by `.`, `_`, `__` or runs of `-`.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
// A host name, an IPv4 address or a bracketed IPv6 address, then an optional port.
const REGISTRY = /^(?:(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?:\.(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*|\[[A-Fa-f0-9:.]+\])(?::[0-9]+)?$/;
// Docker refuses a bare 64-hex name: it would be mistaken for an image ID.
const IMAGE_ID = /^[a-f0-9]{64}$/;
function isValidTag(tag) {
    return TAG.test(tag);
}
/** `sha256:` + 64 lowercase hex, or `sha512:` + 128. */
function isDigest(text) {
    return DIGEST.test(text);
}
/** Parses a reference the way `docker pull` does; throws an Error quoting the text and saying what is wrong. */
function parseReference(text) {
    const invalid = (reason) => new Error(`"${text}" is not a valid image reference: ${reason} (expected ${EXPECTED_FORM})`);
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!isDigest(digest)) {
            throw invalid(`"${digest}" is not a digest (sha256: and 64 lowercase hex digits, or sha512: and 128)`);
        }
    }
    // A tag follows the last `:` only when no `/` comes after it; otherwise that `:` starts a registry port.
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!isValidTag(tag)) {
            throw invalid(`"${tag}" is not a valid tag (letters, digits, _, . and -, at most 128, not starting with . or -)`);
        }
    }
    if (rest === '')
        throw invalid('the name is empty');
    if (rest.length > MAX_NAME_LENGTH)
        throw invalid(`the name is longer than ${MAX_NAME_LENGTH} characters`);
    const { registry, repository } = splitRegistry(rest);
    if (!REGISTRY.test(registry))
        throw invalid(`"${registry}" is not a valid registry host[:port]`);
    if (repository.toLowerCase() !== repository)
        throw invalid('repository names must be lowercase');
    if (!repository.split('/').every((component) => PATH_COMPONENT.test(component))) {
        throw invalid(`"${repository}" is not a valid repository name (lowercase letters and digits, separated by /, ., _, __ or -)`);
    }
    if (registry === DOCKER_HUB && IMAGE_ID.test(repository.replace(/^library\//, ''))) {
        throw invalid('a 64-hex-digit name would be read as an image ID');
    }
    const reference = { registry, repository };
    if (tag !== undefined)
        reference.tag = tag;
    if (digest !== undefined)
        reference.digest = digest;
    return reference;
}
/** `registry/repository`, keeping `docker.io/` so that the result names one place unambiguously. */
function formatName(name) {
    return `${name.registry}/${name.repository}`;
}
/**
 * `registry/repository`, spelled the same for every spelling of one place, to compare repositories: the host in
 * lower case and without :443 (the HTTPS port Docker uses anyway; :80 stays, since Docker tries HTTPS there too),
 * and Docker Hub's hosts as docker.io, with `library/` before a one-component name as Docker Hub reads it.
 */
function canonicalRepository(name) {
    const registry = name.registry.toLowerCase().replace(/:443$/, '');
    if (!DOCKER_HUB_HOSTS.includes(registry))
        return `${registry}/${name.repository}`;
    const repository = name.repository.includes('/') ? name.repository : `library/${name.repository}`;
    return `${DOCKER_HUB}/${repository}`;
}
/**
 * `registry/repository:tag[@digest]`, spelled the same for every spelling of one tag (see canonicalRepository), to
 * compare tags: a reference with neither tag nor digest names `:latest`, as Docker reads it.
 */
function canonicalReference(reference) {
    const tag = reference.tag ?? (reference.digest === undefined ? 'latest' : undefined);
    const digest = reference.digest === undefined ? '' : `@${reference.digest}`;
    return `${canonicalRepository(reference)}${tag === undefined ? '' : `:${tag}`}${digest}`;
}
/** `registry/repository[:tag][@digest]`. */
function formatReference(reference) {
    const tag = reference.tag === undefined ? '' : `:${reference.tag}`;
    const digest = reference.digest === undefined ? '' : `@${reference.digest}`;
    return `${formatName(reference)}${tag}${digest}`;
}
// Docker's rule: the first component names a registry only if it looks like a host (has a `.` or a `:`, or is
// `localhost`) or has uppercase letters (which no repository may have); otherwise the name is on Docker Hub.
function splitRegistry(name) {
    const slash = name.indexOf('/');
    const first = slash === -1 ? '' : name.slice(0, slash);
    const isRegistry = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
    if (!isRegistry) {
        return { registry: DOCKER_HUB, repository: slash === -1 ? `library/${name}` : name };
    }
    const remainder = name.slice(slash + 1);
    if (DOCKER_HUB_NAMES.includes(first)) {
        return { registry: DOCKER_HUB, repository: remainder.includes('/') ? remainder : `library/${remainder}` };
    }
    return { registry: first, repository: remainder };
}


/***/ }),

/***/ 1038:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  L: () => (/* binding */ checkPushAccess),
  H: () => (/* binding */ createRegistryClient)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __nccwpck_require__(3838);
// EXTERNAL MODULE: ./src/reference.ts
var src_reference = __nccwpck_require__(8286);
;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}

// EXTERNAL MODULE: ./src/registry/digest.ts
var registry_digest = __nccwpck_require__(5035);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __nccwpck_require__(6764);
// EXTERNAL MODULE: ./src/registry/http.ts
var http = __nccwpck_require__(8851);
// EXTERNAL MODULE: ./src/registry/transport.ts + 1 modules
var transport = __nccwpck_require__(5630);
// EXTERNAL MODULE: ./src/registry/types.ts
var types = __nccwpck_require__(234);
;// CONCATENATED MODULE: ./src/registry/client.ts
// A small client of the OCI Distribution API (https://github.com/opencontainers/distribution-spec): manifests,
// blobs and tags of one registry repository at a time, with Docker's authentication (auth.ts). Every request goes
// through the Transport (transport.ts), which authenticates, follows redirects, turns refusals into RegistryErrors
// and retries what failed for a passing reason.







const MANIFEST_ACCEPT = types/* MANIFEST_MEDIA_TYPES */.$T.join(', ');
/** Asked for; registries may send fewer per page (and then a Link to the next page). */
const TAGS_PAGE_SIZE = 1000;
/** How long waitForManifest looks for a manifest just written: short waits, about 10 s in all. */
const MANIFEST_VISIBILITY_WAIT = {
    maxAttempts: 20,
    maxElapsedMs: 10_000,
    baseDelayMs: 200,
    maxDelayMs: 2_000,
};
/** Enough to overlap a publish's or a cleanup's independent requests without flooding a registry. */
const MAX_CONCURRENT_REQUESTS = 8;
/** Every request of one client, token requests included, shares one bound on how many run at once. */
function withConcurrencyLimit(fetchImpl, limit) {
    const queue = pLimit(limit);
    return (input, init) => queue(() => fetchImpl(input, init));
}
class RegistryClient {
    #transport;
    constructor(options) {
        this.#transport = new transport/* Transport */.oK({
            credentials: options.credentials,
            fetch: withConcurrencyLimit(options.fetch ?? http/* defaultFetch */.iT, options.maxConcurrentRequests ?? MAX_CONCURRENT_REQUESTS),
            onSecret: options.onSecret ?? (() => undefined),
            onRetry: options.onRetry ?? (() => undefined),
            retry: options.retry ?? {},
            requestTimeoutMs: options.requestTimeoutMs,
            userAgent: options.userAgent ?? 'multiarch-build',
        });
    }
    /** An index or image manifest by tag or digest; by digest, the bytes are checked against it. */
    async getManifest(name, reference, options = {}) {
        const action = `get manifest ${describe(name, reference)}`;
        const { response } = await this.#transport.request({
            action,
            method: 'GET',
            ...(0,transport/* repositoryTarget */.IX)(name, 'pull', `manifests/${checkedReference(reference)}`),
            headers: { Accept: MANIFEST_ACCEPT },
            expect: [200],
            ...options,
        });
        const bytes = response.body;
        if ((0,src_reference/* isDigest */.Bc)(reference))
            checkDigest(action, bytes, reference, 'the digest asked for');
        checkDigest(action, bytes, response.headers.get('docker-content-digest'), 'the registry’s Docker-Content-Digest');
        const digest = (0,src_reference/* isDigest */.Bc)(reference) ? reference : (0,registry_digest/* digestOf */.o)(bytes);
        const json = parseManifest(action, bytes);
        // The registry's Content-Type is the manifest's type when it is one we asked for; else the JSON says.
        const mediaType = [contentType(response), json.mediaType].find((type) => type !== undefined && types/* MANIFEST_MEDIA_TYPES */.$T.includes(type)) ?? ((0,types/* isImageIndex */.yR)(json) ? types/* MediaType */.zu.ociIndex : types/* MediaType */.zu.ociManifest);
        return { descriptor: { mediaType, digest, size: bytes.length }, bytes, json };
    }
    /** The descriptor of a manifest without its bytes, or undefined when there is no such manifest. */
    async headManifest(name, reference, options = {}) {
        const { response } = await this.#transport.request({
            action: `check manifest ${describe(name, reference)}`,
            method: 'HEAD',
            ...(0,transport/* repositoryTarget */.IX)(name, 'pull', `manifests/${checkedReference(reference)}`),
            headers: { Accept: MANIFEST_ACCEPT },
            expect: [200, 404],
            ...options,
        });
        if (response.status === 404)
            return undefined;
        const digest = (0,src_reference/* isDigest */.Bc)(reference) ? reference : response.headers.get('docker-content-digest');
        const mediaType = contentType(response);
        const size = Number(response.headers.get('content-length') ?? NaN);
        if (digest !== null && (0,src_reference/* isDigest */.Bc)(digest) && mediaType !== undefined && Number.isSafeInteger(size) && size > 0) {
            return { mediaType, digest, size };
        }
        // Not every registry describes the manifest in a HEAD answer; the manifest itself does.
        return (await this.getManifest(name, reference, options)).descriptor;
    }
    /**
     * Waits until the registry serves a manifest just written (under `digest`, when given): some registries answer
     * reads for a moment with the state before the write. Looks again with short waits for about 10 s, then throws
     * a RegistryError that says what it saw last.
     */
    async waitForManifest(name, reference, digest) {
        const shown = describe(name, reference);
        return this.#transport.poll(async () => {
            const found = await this.headManifest(name, reference);
            if (found !== undefined && (digest === undefined || found.digest === digest))
                return found;
            const wanted = digest === undefined ? '' : ` as ${digest}`;
            const seen = found === undefined ? 'the registry has no such manifest' : `it is ${found.digest}`;
            throw new errors/* NotYetVisibleError */.eS(`manifest ${shown} is not visible${wanted} yet: ${seen}`, undefined);
        }, MANIFEST_VISIBILITY_WAIT);
    }
    /** Puts a manifest under a tag, or untagged under its digest; returns its digest (computed here). */
    async putManifest(name, reference, bytes, mediaType, options = {}) {
        const action = `put manifest ${describe(name, reference)}`;
        if ((0,src_reference/* isDigest */.Bc)(reference))
            checkDigest(action, bytes, reference, 'the digest to put it under');
        const digest = (0,src_reference/* isDigest */.Bc)(reference) ? reference : (0,registry_digest/* digestOf */.o)(bytes);
        const { response } = await this.#transport.request({
            action,
            method: 'PUT',
            ...(0,transport/* repositoryTarget */.IX)(name, 'push', `manifests/${checkedReference(reference)}`),
            headers: { 'Content-Type': mediaType },
            body: bytes,
            expect: [201],
            ...options,
        });
        checkDigest(action, bytes, response.headers.get('docker-content-digest'), 'the registry’s Docker-Content-Digest');
        return digest;
    }
    async deleteManifest(name, digest, options = {}) {
        if (!(0,src_reference/* isDigest */.Bc)(digest))
            throw new Error(`cannot delete manifest "${digest}" of ${(0,src_reference/* formatName */.nD)(name)}: not a digest`);
        await this.#transport.request({
            action: `delete manifest ${describe(name, digest)}`,
            method: 'DELETE',
            ...(0,transport/* repositoryTarget */.IX)(name, 'delete', `manifests/${digest}`),
            expect: [200, 202, 204],
            ...options,
        });
    }
    /** Every tag of the repository, page by page; none when the repository does not exist. */
    async listTags(name) {
        const action = `list the tags of ${(0,src_reference/* formatName */.nD)(name)}`;
        const tags = [];
        const visited = new Set();
        let { url: target } = (0,transport/* repositoryTarget */.IX)(name, 'pull', `tags/list?n=${TAGS_PAGE_SIZE}`);
        for (;;) {
            const { response, url } = await this.#transport.request({
                action,
                method: 'GET',
                url: target,
                credentials: (0,transport/* repositoryCredentials */.p_)(name, 'pull'),
                expect: visited.size === 0 ? [200, 404] : [200],
            });
            if (response.status === 404)
                return [];
            tags.push(...parseTagList(action, response.text()));
            visited.add(url.href);
            const next = (0,http/* nextPage */.Zj)(response.headers.get('link'), url);
            if (next === undefined)
                return tags;
            // The next page must be on the same registry (it gets our token) and new (a loop would never end).
            if (next.origin !== url.origin || visited.has(next.href)) {
                throw new errors/* RegistryError */.gl(`could not ${action}: GET ${(0,errors/* displayUrl */.Qy)(url)} links to ${(0,errors/* displayUrl */.Qy)(next)} as next page`, 200);
            }
            target = next;
        }
    }
    /** A whole blob in memory (meant for configs and other small blobs), checked against its digest. */
    async getBlob(name, digest) {
        if (!(0,src_reference/* isDigest */.Bc)(digest))
            throw new Error(`cannot get blob "${digest}" of ${(0,src_reference/* formatName */.nD)(name)}: not a digest`);
        const action = `get blob ${describe(name, digest)}`;
        const { response } = await this.#transport.request({
            action,
            method: 'GET',
            ...(0,transport/* repositoryTarget */.IX)(name, 'pull', `blobs/${digest}`),
            expect: [200],
        });
        const bytes = response.body;
        checkDigest(action, bytes, digest, 'the digest asked for');
        return bytes;
    }
    /**
     * Uploads a blob without asking first whether the repository has it: its one caller uploads the dummies' config
     * once per repository, new by construction (a random nonce), so the question would cost a round trip to hear no.
     * One POST to start, one PUT with all the bytes, retried together from the POST when either fails for a passing
     * reason (the PUT's session may be gone after a failure; an unused one expires), within one retry window.
     */
    async uploadBlob(name, bytes, mediaType = types/* MediaType */.zu.octetStream) {
        const descriptor = { mediaType, digest: (0,registry_digest/* digestOf */.o)(bytes), size: bytes.length };
        await this.#transport.retrying(() => this.#upload(name, bytes, descriptor.digest));
        return descriptor;
    }
    async #upload(name, bytes, digest) {
        const where = describe(name, digest);
        const started = await this.#transport.request({
            action: `start the upload of blob ${where}`,
            method: 'POST',
            ...(0,transport/* repositoryTarget */.IX)(name, 'push', 'blobs/uploads/'),
            expect: [202],
            retry: false,
        });
        const location = started.response.headers.get('location');
        if (location === null) {
            throw new errors/* RegistryError */.gl(`could not start the upload of blob ${where}: POST ${(0,errors/* displayUrl */.Qy)(started.url)} answered 202 without a Location`, 202);
        }
        const action = `upload blob ${where}`;
        const finished = await this.#transport.request({
            action,
            method: 'PUT',
            // The location may be relative, and may carry the registry's own query parameters (upload state).
            url: withQueryParameter(new URL(location, started.url), 'digest', digest),
            credentials: (0,transport/* repositoryCredentials */.p_)(name, 'push'),
            headers: { 'Content-Type': types/* MediaType */.zu.octetStream },
            body: bytes,
            expect: [201],
            retry: false,
        });
        checkDigest(action, bytes, finished.response.headers.get('docker-content-digest'), 'the registry’s Docker-Content-Digest');
    }
    /** The authenticated, retrying transport, for the registry-specific APIs that cleanup needs (GHCR, Docker Hub). */
    get transport() {
        return this.#transport;
    }
}
function describe(name, reference) {
    return `${(0,src_reference/* formatName */.nD)(name)}${(0,src_reference/* isDigest */.Bc)(reference) ? '@' : ':'}${reference}`;
}
/** A tag or digest, checked before it goes into a URL path. */
function checkedReference(reference) {
    if ((0,src_reference/* isValidTag */.r_)(reference) || (0,src_reference/* isDigest */.Bc)(reference))
        return reference;
    throw new Error(`"${reference}" is neither a tag nor a digest (sha256:… or sha512:…)`);
}
/** Throws unless the bytes have the expected digest (when there is one: registries may omit the header). */
function checkDigest(action, bytes, expected, source) {
    if (expected === null)
        return;
    const actual = (0,src_reference/* isDigest */.Bc)(expected) ? (0,registry_digest/* digestLike */.k)(expected, bytes) : (0,registry_digest/* digestOf */.o)(bytes);
    if (actual !== expected) {
        throw new errors/* RegistryError */.gl(`could not ${action}: the content’s digest is ${actual}, but ${source} is ${expected}`, undefined);
    }
}
function contentType(response) {
    const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    return type === '' ? undefined : type;
}
function parseManifest(action, bytes) {
    const invalid = (reason) => new errors/* RegistryError */.gl(`could not ${action}: the manifest ${reason}`, undefined);
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw invalid('is not JSON');
    }
    if (typeof json !== 'object' || json === null)
        throw invalid('is not a JSON object');
    const manifest = json;
    if (manifest.schemaVersion !== 2)
        throw invalid(`has schemaVersion ${String(manifest.schemaVersion)}, not 2`);
    if (Array.isArray(manifest.manifests))
        return manifest;
    if (typeof manifest.config === 'object' && Array.isArray(manifest.layers))
        return manifest;
    throw invalid('is neither an image index (manifests) nor an image manifest (config and layers)');
}
function parseTagList(action, text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        body = undefined;
    }
    // A repository without tags may answer `"tags": null`.
    const tags = typeof body === 'object' && body !== null && 'tags' in body ? (body.tags ?? []) : undefined;
    if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) {
        throw new errors/* RegistryError */.gl(`could not ${action}: the answer is not a tag list ({"tags": [...]})`, 200);
    }
    return tags;
}
/** Adds a parameter without re-encoding those already there (upload state is opaque to us). */
function withQueryParameter(url, name, value) {
    const next = new URL(url.href);
    next.search = `${url.search === '' ? '?' : `${url.search}&`}${name}=${encodeURIComponent(value)}`;
    return next;
}

// EXTERNAL MODULE: ./src/registry/credentials.ts + 2 modules
var registry_credentials = __nccwpck_require__(8111);
;// CONCATENATED MODULE: ./src/registry/access.ts
// The action's registry client: credentials as docker login stored them (config file or credential helpers), every
// secret masked in the log, each retry of a failing request logged, and a check before any build that the
// credentials are accepted (a wrong password fails in seconds, not after a build).





function createRegistryClient(env = process.env, credentials = registry_credentials/* DockerConfigCredentials */.z.fromEnvironment(env)) {
    return new RegistryClient({
        credentials,
        onSecret: (secret) => {
            core/* setSecret */.Pq(secret);
        },
        // A retry that then succeeds is worth knowing (a slow or flaky registry), not worth a warning annotation.
        onRetry: (message) => {
            core/* info */.pq(message);
        },
    });
}
/**
 * Reads the credentials of each registry (so an unreadable docker config fails here, even for a registry that
 * needs none), then lists the tags of each repository: enough for the registry to accept or refuse them.
 */
async function checkPushAccess(registry, credentials, names) {
    const seen = new Set();
    for (const name of names) {
        const key = (0,src_reference/* formatName */.nD)(name);
        if (seen.has(key))
            continue;
        seen.add(key);
        await credentials.get(name.registry);
        try {
            await registry.listTags({ registry: name.registry, repository: name.repository });
        }
        catch (error) {
            // A repository that does not exist yet is fine: the first push creates it.
            if (error instanceof errors/* RegistryError */.gl && !(error instanceof errors/* RegistryAuthError */.w4) && error.status === 404)
                continue;
            throw error;
        }
    }
}


/***/ }),

/***/ 6799:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ deleteGhcrPackageVersion),
/* harmony export */   f: () => (/* binding */ GHCR)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6764);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8851);


const GHCR = 'ghcr.io';
const GITHUB_API = 'https://api.github.com';
const API_HEADERS = { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };
const VERSIONS_PER_PAGE = 100;
// The API lists the newest versions first, and the dummy is the newest: a few pages bound the cost of a miss.
const MAX_VERSION_PAGES = 3;
// The Packages API lists a version a little after the registry accepted its manifest.
const LISTING_WAIT = {
    maxAttempts: 8,
    maxElapsedMs: 30_000,
    baseDelayMs: 1_000,
    maxDelayMs: 8_000,
};
function ghcrPackage(name) {
    const slash = name.repository.indexOf('/');
    if (slash === -1)
        throw new Error(`${GHCR}/${name.repository} has no owner: ghcr.io images are ghcr.io/OWNER/NAME`);
    return { owner: name.repository.slice(0, slash), packageName: name.repository.slice(slash + 1) };
}
/**
 * Deletes the package version named `digest` of the image's package, once the API lists it. Refuses a protected
 * digest before any request. The DELETE is sent once: its caller looks at the tag before it tries again.
 */
async function deleteGhcrPackageVersion(transport, name, digest, options) {
    (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .refuseProtected */ .fZ)(digest, options.protectedDigests);
    const pkg = ghcrPackage(name);
    const credentials = { bearer: options.token };
    const version = await transport.poll(() => findVersion(transport, pkg, digest, credentials), LISTING_WAIT);
    await transport.request({
        action: `delete the version ${digest} of the GitHub package ${pkg.owner}/${pkg.packageName}`,
        method: 'DELETE',
        url: new URL(`${version.packageUrl}/versions/${version.id}`),
        credentials,
        headers: API_HEADERS,
        expect: [204],
        retry: false,
    });
}
/**
 * The version named `digest`, as an organization's package, else as a user's (the API has one path for each, and
 * answers 404 on the other). NotYetVisibleError while the package lists no such version.
 */
async function findVersion(transport, pkg, digest, credentials) {
    const encodedName = encodeURIComponent(pkg.packageName);
    for (const ownerKind of ['orgs', 'users']) {
        const packageUrl = `${GITHUB_API}/${ownerKind}/${encodeURIComponent(pkg.owner)}/packages/container/${encodedName}`;
        const id = await findVersionId(transport, packageUrl, digest, credentials);
        if (id === 'no such package')
            continue;
        if (id === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotYetVisibleError */ .eS(`the GitHub package ${pkg.owner}/${pkg.packageName} lists no version ${digest} yet`, undefined);
        }
        return { packageUrl, id };
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(`the GitHub API has no container package ${pkg.packageName} of a user or organization ${pkg.owner}, or the ` +
        'token may not read it (it needs packages: read)', 404);
}
async function findVersionId(transport, packageUrl, digest, credentials) {
    let url = new URL(`${packageUrl}/versions?per_page=${VERSIONS_PER_PAGE}&state=active`);
    for (let page = 1; url !== undefined && page <= MAX_VERSION_PAGES; page++) {
        const action = `list the versions of the GitHub package ${packageUrl}`;
        const exchange = await transport.request({
            action,
            method: 'GET',
            url,
            credentials,
            headers: API_HEADERS,
            expect: page === 1 ? [200, 404] : [200],
        });
        if (exchange.response.status === 404)
            return 'no such package';
        const version = parseVersions(action, exchange.response.text()).find((entry) => entry.name === digest);
        if (version !== undefined)
            return version.id;
        const next = (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .nextPage */ .Zj)(exchange.response.headers.get('link'), exchange.url);
        // The token goes with every page: only to the API itself.
        url = next?.origin === exchange.url.origin ? next : undefined;
    }
    return undefined;
}
function parseVersions(action, text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        body = undefined;
    }
    if (!Array.isArray(body)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(`could not ${action}: the answer is not a list of versions`, 200);
    }
    return body.flatMap((entry) => {
        const { id, name } = (typeof entry === 'object' && entry !== null ? entry : {});
        return typeof id === 'number' && typeof name === 'string' ? [{ id, name }] : [];
    });
}


/***/ }),

/***/ 8111:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  z: () => (/* binding */ DockerConfigCredentials)
});

// UNUSED EXPORTS: dockerConfigPath

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __nccwpck_require__(8286);
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/registry/credential-helpers.ts
// Docker's credential helper protocol (https://github.com/docker/docker-credential-helpers, client/client.go):
// `docker-credential-<name> get` reads a server URL on stdin and writes {"ServerURL","Username","Secret"} on
// stdout. A helper without credentials for the server exits non-zero and prints "credentials not found in native
// keychain". A Username of `<token>` means that Secret is an identity token (cli/config/credentials/native_store.go).
// The helper's stdout is a secret: it is never logged or quoted, not even when the helper fails.

/** Helpers may ask a keychain or a cloud API; one that hangs must not hang the action. */
const CREDENTIAL_HELPER_TIMEOUT_MS = 30_000;
const NOT_FOUND = 'credentials not found in native keychain';
const IDENTITY_TOKEN_USERNAME = '<token>';
// A name, not a path: the program is looked up on the PATH, never run from elsewhere.
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_QUOTED_STDERR = 300;
/**
 * Asks the helper `docker-credential-<helper>` for the credentials of `serverUrl` (a host[:port], or
 * `https://index.docker.io/v1/` for Docker Hub), looking it up on `env.PATH`. Undefined when it has none.
 */
async function getFromCredentialHelper(helper, serverUrl, env, timeoutMs = CREDENTIAL_HELPER_TIMEOUT_MS) {
    if (!HELPER_NAME.test(helper))
        throw new Error(`"${helper}" is not a credential helper name`);
    const program = `docker-credential-${helper}`;
    const result = await run(program, ['get'], serverUrl, env, timeoutMs);
    if (result.outcome !== 'exited' || result.code !== 0) {
        if (result.outcome === 'exited' && result.stdout.trim() === NOT_FOUND)
            return undefined;
        const stderr = result.stderr.trim().replace(/\s+/g, ' ');
        const quoted = stderr.length > MAX_QUOTED_STDERR ? `${stderr.slice(0, MAX_QUOTED_STDERR)}…` : stderr;
        throw new Error(`${program} get ${describeOutcome(result, timeoutMs)}${quoted === '' ? '' : `: ${quoted}`}`);
    }
    const answer = parseAnswer(result.stdout);
    if (answer === undefined) {
        throw new Error(`${program} get answered something other than {"Username": …, "Secret": …} JSON`);
    }
    if (answer.Username === IDENTITY_TOKEN_USERNAME) {
        return { kind: 'identity-token', username: '', identityToken: answer.Secret };
    }
    if (answer.Username === '' && answer.Secret === '')
        return undefined;
    return { kind: 'password', username: answer.Username, password: answer.Secret };
}
/** Runs a program with argv (no shell), `input` on its stdin, and a time limit. */
function run(program, args, input, env, timeoutMs) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(program, args, { env: { ...env }, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
        const stdout = [];
        const stderr = [];
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
            // A grandchild may hold the pipes open; without them, 'close' follows the kill at once.
            child.stdout.destroy();
            child.stderr.destroy();
        }, timeoutMs);
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => stderr.push(chunk));
        // A helper that exits without reading its stdin must not fail the write.
        child.stdin.on('error', () => undefined);
        child.stdin.end(input);
        child.on('error', (error) => {
            clearTimeout(timer);
            if (error.code === 'ENOENT')
                resolve({ outcome: 'not found', stderr: '' });
            else
                reject(new Error(`cannot run ${program}: ${error.message}`, { cause: error }));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            const errors = Buffer.concat(stderr).toString('utf8');
            if (timedOut)
                resolve({ outcome: 'timed out', stderr: errors });
            else if (code === null)
                resolve({ outcome: 'killed', signal: signal ?? 'a signal', stderr: errors });
            else
                resolve({ outcome: 'exited', code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: errors });
        });
    });
}
function describeOutcome(result, timeoutMs) {
    switch (result.outcome) {
        case 'exited':
            return `exited with code ${result.code}`;
        case 'killed':
            return `was killed by ${result.signal}`;
        case 'timed out':
            return `did not finish within ${timeoutMs / 1000} s`;
        case 'not found':
            return 'cannot run: the program is not on the PATH';
    }
}
function parseAnswer(stdout) {
    let answer;
    try {
        answer = JSON.parse(stdout);
    }
    catch {
        return undefined;
    }
    if (typeof answer !== 'object' || answer === null)
        return undefined;
    const { Username, Secret } = answer;
    return typeof Username === 'string' && typeof Secret === 'string' ? { Username, Secret } : undefined;
}

;// CONCATENATED MODULE: ./src/registry/credentials.ts
// Registry credentials from Docker's config file, found and matched the way the docker CLI does
// (cli/config/configfile/file.go): a registry's credHelpers entry wins, then credsStore, then auths. A helper,
// when one applies, is the only source: its "none" is not completed from auths, as in the CLI.





/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`, as the docker CLI finds it. */
function dockerConfigPath(env) {
    const directory = env.DOCKER_CONFIG ?? '';
    return external_node_path_default().join(directory === '' ? external_node_path_default().join(env.HOME ?? (0,external_node_os_.homedir)(), '.docker') : directory, 'config.json');
}
// `docker login` (no argument) stores Docker Hub under its historical v1 index URL; accept the other names too.
// It is also the server URL the CLI gives credential helpers for Docker Hub, and its key in credHelpers.
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_HOSTS = [reference/* DOCKER_HUB */.Xb, 'index.docker.io', 'registry-1.docker.io'];
/** A docker config file, read on first use (a missing file means no credentials), and the helpers it names. */
class DockerConfigCredentials {
    configPath;
    description;
    /** The environment credential helpers run in: its PATH finds them. */
    #helperEnv;
    #config;
    constructor(configPath, helperEnv = process.env) {
        this.configPath = configPath;
        this.description = `the docker config ${configPath}`;
        this.#helperEnv = helperEnv;
    }
    static fromEnvironment(env) {
        return new DockerConfigCredentials(dockerConfigPath(env), env);
    }
    async get(registry) {
        this.#config ??= readDockerConfig(this.configPath);
        const config = await this.#config;
        const serverUrl = registry === reference/* DOCKER_HUB */.Xb ? DOCKER_HUB_KEY : registry;
        const helper = config.credHelpers.get(serverUrl) ?? config.credsStore;
        if (helper === '')
            return findCredential(config.auths, registry);
        try {
            return await getFromCredentialHelper(helper, serverUrl, this.#helperEnv);
        }
        catch (error) {
            const setting = config.credHelpers.has(serverUrl) ? `credHelpers["${serverUrl}"]` : 'credsStore';
            throw new Error(`cannot get the credentials for ${registry} from the credential helper "${helper}" (${setting} of ` +
                `${this.description}): ${error.message}`, { cause: error });
        }
    }
}
/** Docker's key matching: exact key first, then any key whose host (without scheme and path) is the registry. */
function findCredential(auths, registry) {
    const isHub = registry === reference/* DOCKER_HUB */.Xb;
    const exact = auths.get(isHub ? DOCKER_HUB_KEY : registry);
    if (exact !== undefined)
        return exact;
    const hosts = isHub ? DOCKER_HUB_HOSTS : [registry.toLowerCase()];
    for (const [key, credential] of auths) {
        if (hosts.includes(hostOfKey(key)))
            return credential;
    }
    return undefined;
}
/** `https://ghcr.io/v1/` → `ghcr.io`, `localhost:5000` → `localhost:5000`. */
function hostOfKey(key) {
    const withoutScheme = key.replace(/^https?:\/\//i, '');
    return withoutScheme.split('/', 1)[0]?.toLowerCase() ?? '';
}
async function readDockerConfig(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            return { auths: new Map(), credHelpers: new Map(), credsStore: '' };
        }
        throw new Error(`cannot read the docker config ${file}: ${error.message}`, { cause: error });
    }
    const invalid = (reason) => new Error(`the docker config ${file} is not valid: ${reason}`);
    let config;
    try {
        config = JSON.parse(text);
    }
    catch (error) {
        throw invalid(`not JSON (${error.message})`);
    }
    if (!isObject(config))
        throw invalid('not a JSON object');
    const auths = config.auths ?? {};
    if (!isObject(auths))
        throw invalid('"auths" is not an object');
    const credHelpers = config.credHelpers ?? {};
    if (!isObject(credHelpers))
        throw invalid('"credHelpers" is not an object');
    const credsStore = config.credsStore ?? '';
    if (typeof credsStore !== 'string')
        throw invalid('"credsStore" is not a string');
    const credentials = new Map();
    for (const [key, entry] of Object.entries(auths)) {
        if (!isObject(entry))
            throw invalid(`auths["${key}"] is not an object`);
        const credential = parseAuthEntry(entry, (reason) => invalid(`auths["${key}"] ${reason}`));
        if (credential !== undefined)
            credentials.set(key, credential);
    }
    const helpers = new Map();
    for (const [key, helper] of Object.entries(credHelpers)) {
        if (typeof helper !== 'string')
            throw invalid(`credHelpers["${key}"] is not a string`);
        helpers.set(key, helper);
    }
    return { auths: credentials, credHelpers: helpers, credsStore };
}
// An entry has `auth` (base64 of user:password, which wins over `username`/`password`, as in Docker), and an
// `identitytoken` when the login produced one. An empty entry `{}` is what docker writes when a credsStore holds
// the secret: no credential here (the store is asked instead, see get).
function parseAuthEntry(entry, invalid) {
    const field = (name) => {
        const value = entry[name] ?? '';
        if (typeof value !== 'string')
            throw invalid(`"${name}" is not a string`);
        return value;
    };
    let username = field('username');
    let password = field('password');
    const auth = field('auth');
    if (auth !== '') {
        const decoded = Buffer.from(auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon === -1)
            throw invalid('"auth" is not the base64 of user:password');
        username = decoded.slice(0, colon);
        password = decoded.slice(colon + 1);
    }
    const identityToken = field('identitytoken');
    if (identityToken !== '')
        return { kind: 'identity-token', username, identityToken };
    if (username === '' && password === '')
        return undefined;
    return { kind: 'password', username, password };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 5035:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ digestLike),
/* harmony export */   o: () => (/* binding */ digestOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8286);
// Content digests: registries address manifests and blobs by the hash of their bytes, and we check that hash
// ourselves rather than trust the registry (or a proxy or blob store in between).


/** `sha256:<hex>` of the bytes (or `sha512:<hex>`, the other algorithm the OCI spec registers). */
function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** The digest of the bytes in the algorithm of `like` (a valid digest), so that the two can be compared. */
function digestLike(like, bytes) {
    if (!(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isDigest */ .Bc)(like))
        throw new Error(`"${like}" is not a sha256 or sha512 digest`);
    return digestOf(bytes, like.startsWith('sha512:') ? 'sha512' : 'sha256');
}


/***/ }),

/***/ 6764:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qy: () => (/* binding */ displayUrl),
/* harmony export */   Xg: () => (/* binding */ describeResponse),
/* harmony export */   eS: () => (/* binding */ NotYetVisibleError),
/* harmony export */   fZ: () => (/* binding */ refuseProtected),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   lo: () => (/* binding */ unexpectedResponseError),
/* harmony export */   w4: () => (/* binding */ RegistryAuthError)
/* harmony export */ });
// Errors that say what failed and where: the operation, the method and URL (never credentials), the HTTP status and
// the registry's own error codes and messages from its `{"errors": [...]}` body.
/** A request to a registry (or its token server) that failed; the message says what, where and why. */
class RegistryError extends Error {
    status;
    codes;
    name = 'RegistryError';
    /** The Retry-After header of the answer (429, 503), for the retry schedule. */
    retryAfter;
    constructor(message, 
    /** The HTTP status, or undefined when no response came back (network failure). */
    status, 
    /** The registry's error codes, e.g. `MANIFEST_UNKNOWN`, `UNSUPPORTED`. */
    codes = [], options) {
        super(message, options);
        this.status = status;
        this.codes = codes;
        this.retryAfter = options?.retryAfter;
    }
}
/** The registry refused the credentials we have, or asked for credentials we do not have. */
class RegistryAuthError extends RegistryError {
    name = 'RegistryAuthError';
}
/** How much of a body that is not a registry error we quote (proxies and load balancers send whole HTML pages). */
const MAX_QUOTED_BODY = 200;
/** Summarizes an unexpected response from its status and body. */
function describeResponse(method, url, response) {
    const text = response.text();
    const errors = registryErrors(text);
    const where = `${method} ${displayUrl(url)} answered ${response.status}`;
    if (errors.length > 0) {
        const details = errors.map((error) => (error.message ? `${error.code}: ${error.message}` : error.code));
        return {
            status: response.status,
            codes: errors.map((error) => error.code),
            summary: `${where} ${details.join('; ')}`,
        };
    }
    const body = text.replace(/\s+/g, ' ').trim();
    const quoted = body.length > MAX_QUOTED_BODY ? `${body.slice(0, MAX_QUOTED_BODY)}…` : body;
    const reason = [response.statusText, quoted].filter((part) => part !== '').join(': ');
    return { status: response.status, codes: [], summary: reason === '' ? where : `${where} ${reason}` };
}
/** A RegistryError for a response of a status the caller does not handle; `action` is e.g. `get manifest x:y`. */
function unexpectedResponseError(action, method, url, response) {
    const { status, codes, summary } = describeResponse(method, url, response);
    const retryAfter = response.headers.get('retry-after') ?? undefined;
    return new RegistryError(`could not ${action}: ${summary}`, status, codes, { retryAfter });
}
/** A URL fit for messages: without user info (the client never puts credentials in URLs; this makes sure). */
function displayUrl(url) {
    const shown = new URL(url.href);
    shown.username = '';
    shown.password = '';
    return shown.href;
}
function registryErrors(text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        return [];
    }
    if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors))
        return [];
    return body.errors.flatMap((entry) => {
        if (typeof entry !== 'object' || entry === null)
            return [];
        const { code, message } = entry;
        if (typeof code !== 'string')
            return [];
        return [{ code, message: typeof message === 'string' ? message : '' }];
    });
}
/** What was just written is not readable yet (registries that are eventually consistent): worth polling for. */
class NotYetVisibleError extends RegistryError {
    name = 'NotYetVisibleError';
}
/** Every deletion by digest checks here first: nothing the published index references is ever deleted. */
function refuseProtected(digest, protectedDigests) {
    if (protectedDigests.has(digest)) {
        throw new RegistryError(`refusing to delete ${digest}: the published index references it`, undefined);
    }
}


/***/ }),

/***/ 8851:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ NetworkError),
/* harmony export */   Zj: () => (/* binding */ nextPage),
/* harmony export */   d3: () => (/* binding */ sendHttp),
/* harmony export */   iT: () => (/* binding */ defaultFetch)
/* harmony export */ });
/* unused harmony exports HttpResponse, DEFAULT_REQUEST_TIMEOUT_MS */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6764);
// The one place that sends HTTP: every registry, token, blob-storage and web API request goes through sendHttp,
// over node's own http and https modules, whose answers arrive whole with their status line and headers as sent.



/** An answer whose body has been read in full. */
class HttpResponse {
    status;
    statusText;
    headers;
    body;
    constructor(status, statusText, headers, body) {
        this.status = status;
        this.statusText = statusText;
        this.headers = headers;
        this.body = body;
    }
    get ok() {
        return this.status >= 200 && this.status < 300;
    }
    text() {
        return this.body.toString('utf8');
    }
}
/** The transport every client uses unless a test gives another: node:http or node:https, by the URL's scheme. */
const defaultFetch = (url, init) => new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
    const headers = { ...init.headers };
    // A known length rather than chunked encoding, which some registries refuse on uploads (fetch does the same).
    if (init.body !== null)
        headers['Content-Length'] = String(init.body.byteLength);
    else if (init.method === 'POST' || init.method === 'PUT')
        headers['Content-Length'] = '0';
    const sent = send(target, { method: init.method, headers, signal: init.signal }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
            const body = Buffer.concat(chunks);
            resolve({
                status: response.statusCode ?? 0,
                statusText: response.statusMessage ?? '',
                headers: headerLookup(response.headers),
                arrayBuffer: () => Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)),
            });
        });
        response.on('close', () => {
            if (!response.complete)
                reject(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' }));
        });
    });
    sent.on('error', reject);
    sent.end(init.body ?? undefined);
});
function headerLookup(headers) {
    return {
        get: (name) => {
            const value = headers[name.toLowerCase()];
            return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
    };
}
/** How long one request may take, until the last byte of its answer. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** A request that got no (complete) answer: refused, reset, timed out. `code` says which, e.g. `ECONNRESET`. */
class NetworkError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl {
    code;
    name = 'NetworkError';
    constructor(message, 
    /** The system error code (`ECONNREFUSED`, `ECONNRESET`…), `TIMEOUT` for our own time limit. */
    code, options) {
        super(message, undefined, [], options);
        this.code = code;
    }
}
/**
 * Sends one request and returns the response, whatever its status, with its body already read: the time limit
 * covers the whole exchange, and a connection that breaks while the body arrives fails here, as a NetworkError
 * that the caller may retry, rather than later in whoever reads the body. Responses are small (manifests, tag
 * lists, configs, errors). Redirects are not followed here: the caller decides per hop whether the next host may
 * see the Authorization header.
 */
async function sendHttp(fetchImpl, request, timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS) {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
        const exchange = await fetchImpl(request.url.href, {
            method: request.method,
            headers: request.headers,
            body: request.body ?? null,
            signal,
        });
        const body = Buffer.from(await exchange.arrayBuffer());
        return new HttpResponse(exchange.status, exchange.statusText, exchange.headers, body);
    }
    catch (error) {
        const code = signal.aborted ? 'TIMEOUT' : networkErrorCode(error);
        const reason = code === 'TIMEOUT' ? `no complete answer within ${timeoutMs / 1000} s` : networkReason(error);
        throw new NetworkError(`${request.method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .displayUrl */ .Qy)(request.url)} failed: ${reason}`, code, { cause: error });
    }
}
// Errors are looked at by shape, not with instanceof: they may come from another realm than this module's Error
// (as under jest's VM modules). A fetch (in tests) reports "fetch failed" and keeps the system error in `cause`;
// a connection tried on several addresses fails with an AggregateError of one error per address.
function networkErrorCode(error) {
    for (let current = error; isObject(current); current = current.cause) {
        if (typeof current.code === 'string')
            return current.code;
        if (Array.isArray(current.errors)) {
            return current.errors.map(networkErrorCode).find((code) => code !== undefined);
        }
    }
    return undefined;
}
function networkReason(error) {
    const described = isObject(error) && isObject(error.cause) ? error.cause : error;
    return isObject(described) && typeof described.message === 'string' ? described.message : String(error);
}
function isObject(value) {
    return typeof value === 'object' && value !== null;
}
/** The `rel="next"` target of a Link header (RFC 8288), resolved against the page's URL. */
function nextPage(link, url) {
    for (const match of (link ?? '').matchAll(/<([^>]*)>([^,<]*)/g)) {
        const [, target = '', params = ''] = match;
        if (/;\s*rel="?next"?(?:[\s;]|$)/i.test(params))
            return new URL(target, url);
    }
    return undefined;
}


/***/ }),

/***/ 4925:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ transientFailure),
/* harmony export */   _: () => (/* binding */ asRegistryError)
/* harmony export */ });
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9809);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6764);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8851);
// Which failures are worth another attempt: the server said it is overloaded or failing for now (429, 500, 502,
// 503, 504), or the request got no complete answer (connection refused or reset, a timeout). Anything else (other
// 4xx, authentication, a digest mismatch) would fail the same way again.



const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504]);
// Node's system errors for a connection that failed or broke off; TIMEOUT is sendHttp's
// time limit. Not here: ENOTFOUND (a misspelt host stays misspelt) and TLS errors.
const TRANSIENT_NETWORK_CODES = new Set([
    'TIMEOUT',
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
]);
/** The retry verdict for a request's failure (retry's isRetryable), with the server's Retry-After. */
function transientFailure(error) {
    if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__/* .NetworkError */ .Dr) {
        return error.code !== undefined && TRANSIENT_NETWORK_CODES.has(error.code) ? {} : false;
    }
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl && error.status !== undefined && TRANSIENT_STATUSES.has(error.status)) {
        return error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter };
    }
    return false;
}
/**
 * Retries that ran out, as a RegistryError with the last attempt's status and codes (callers tell a 404 from a
 * 503 by them) and the retry message ("… (gave up after 7 attempts in 31.2 s)"). Other errors are returned as
 * they are.
 */
function asRegistryError(error) {
    if (!(error instanceof _retry_js__WEBPACK_IMPORTED_MODULE_0__/* .RetryExhaustedError */ .aB) || !(error.lastError instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl))
        return error;
    const last = error.lastError;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl(error.message, last.status, last.codes, { cause: error });
}


/***/ }),

/***/ 5630:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  oK: () => (/* binding */ Transport),
  p_: () => (/* binding */ repositoryCredentials),
  IX: () => (/* binding */ repositoryTarget)
});

// UNUSED EXPORTS: registryUrl

// EXTERNAL MODULE: ./src/reference.ts
var reference = __nccwpck_require__(8286);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __nccwpck_require__(9809);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __nccwpck_require__(6764);
// EXTERNAL MODULE: ./src/registry/http.ts
var http = __nccwpck_require__(8851);
;// CONCATENATED MODULE: ./src/registry/auth.ts


// The token spec's default lifetime, for token servers that do not send `expires_in`.
const DEFAULT_TOKEN_LIFETIME_SECONDS = 60;
// A token must still be valid when the request carrying it reaches the registry.
const TOKEN_EXPIRY_MARGIN_MS = 10_000;
// The token spec asks OAuth2 clients to identify themselves.
const OAUTH_CLIENT_ID = 'multiarch-build';
class RegistryAuth {
    #options;
    #now;
    /** Per registry. */
    #schemes = new Map();
    /** The scopes to ask the token server for, per `registry scope` of a request, once a challenge named them. */
    #scopes = new Map();
    /** Per registry, realm, service and scopes; a promise so that concurrent requests share one token request. */
    #tokens = new Map();
    #credentials = new Map();
    #revealed = new Set();
    constructor(options) {
        this.#options = options;
        this.#now = options.now ?? Date.now;
    }
    /**
     * Sends the request, authenticating as the registry asks. Returns the response whatever its status, except that
     * a 401 after sending credentials (or when there are none to send) is a RegistryAuthError.
     */
    async send(request) {
        const sent = await this.#authorization(request);
        const response = await this.#sendWith(request, sent);
        if (response.status !== 401)
            return response;
        const challenge = preferredChallenge(response.headers.get('www-authenticate') ?? '');
        // A 401 without a challenge we understand is reported like any other refusal, by the caller.
        if (challenge === undefined)
            return response;
        const credential = await this.credential(request.registry);
        // Basic credentials refused once would be refused again; without a password there is nothing to try.
        if (challenge.scheme === 'basic' && (sent !== undefined || credential?.kind !== 'password')) {
            const note = credential?.kind === 'identity-token'
                ? `it asks for a password and ${this.#options.credentials.description} has only an identity token for it`
                : undefined;
            throw this.#failure(request, response, credential, note);
        }
        // A bearer token can be refused for being expired or revoked, or too narrow: get a new one, once.
        if (sent?.tokenKey !== undefined)
            this.#tokens.delete(sent.tokenKey);
        this.#learn(request, challenge);
        const retried = await this.#sendWith(request, await this.#authorization(request));
        if (retried.status === 401)
            throw this.#failure(request, retried, credential);
        return retried;
    }
    #sendWith(request, authorization) {
        const headers = { ...request.headers };
        if (authorization !== undefined)
            headers.Authorization = authorization.header;
        return (0,http/* sendHttp */.d3)(this.#options.fetch, { ...request, headers }, this.#options.requestTimeoutMs);
    }
    /** What to send before the registry asks: nothing until it has challenged us once. */
    async #authorization(request) {
        const scheme = this.#schemes.get(request.registry);
        if (scheme === undefined)
            return undefined;
        const credential = await this.credential(request.registry);
        if (scheme.kind === 'basic') {
            return credential?.kind === 'password' ? { header: this.#basic(credential) } : undefined;
        }
        const scopes = this.#scopes.get(scopeKey(request)) ?? (request.scope === undefined ? [] : [request.scope]);
        const tokenKey = JSON.stringify([request.registry, scheme.realm.href, scheme.service ?? '', scopes]);
        const token = await this.#token(tokenKey, () => this.#fetchToken(request.registry, scheme, scopes, credential));
        return { header: `Bearer ${token}`, tokenKey };
    }
    #learn(request, challenge) {
        if (challenge.scheme === 'basic') {
            this.#schemes.set(request.registry, { kind: 'basic' });
            return;
        }
        const realm = parseRealm(challenge.params.realm);
        if (realm === undefined) {
            throw new errors/* RegistryError */.gl(`${request.registry} sent a bearer challenge without a valid http(s) realm: "${challenge.params.realm ?? ''}"`, 401);
        }
        this.#schemes.set(request.registry, { kind: 'bearer', realm, service: challenge.params.service });
        // Ask for what this request needs and for what the registry says it needs (a push may also need pull).
        const asked = (challenge.params.scope ?? '').split(' ').filter((scope) => scope !== '');
        this.#scopes.set(scopeKey(request), distinctScopes([...(request.scope === undefined ? [] : [request.scope]), ...asked]));
    }
    async #token(key, fetchToken) {
        const cached = this.#tokens.get(key);
        if (cached !== undefined) {
            const token = await cached;
            if (token.expiresAt > this.#now())
                return token.value;
        }
        const fetching = fetchToken();
        this.#tokens.set(key, fetching);
        // A failed token request is not cached: the next request tries again.
        void fetching.catch(() => {
            if (this.#tokens.get(key) === fetching)
                this.#tokens.delete(key);
        });
        return (await fetching).value;
    }
    // With a password: GET realm?service=…&scope=… with Basic auth (what the docker CLI does; every token server
    // supports it). With an identity token: the OAuth2 refresh-token POST, because an identity token is a refresh
    // token, not a password, and token servers accept it only as one.
    async #fetchToken(registry, scheme, scopes, credential) {
        const requestedAt = this.#now();
        const request = credential?.kind === 'identity-token'
            ? this.#refreshTokenRequest(scheme, scopes, credential)
            : this.#tokenRequest(scheme, scopes, credential);
        const response = await (0,http/* sendHttp */.d3)(this.#options.fetch, request, this.#options.requestTimeoutMs);
        if (response.status === 401)
            throw this.#failure({ ...request, registry }, response, credential);
        if (!response.ok) {
            throw (0,errors/* unexpectedResponseError */.lo)(`get a token for ${registry}`, request.method, request.url, response);
        }
        const body = parseJsonObject(response.text());
        const value = body?.token ?? body?.access_token;
        if (typeof value !== 'string' || value === '') {
            throw new errors/* RegistryError */.gl(`could not get a token for ${registry}: ${request.method} ${(0,errors/* displayUrl */.Qy)(request.url)} answered ${response.status} without a token`, response.status);
        }
        this.reveal(value);
        const lifetime = typeof body?.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : undefined;
        const lifetimeMs = (lifetime ?? DEFAULT_TOKEN_LIFETIME_SECONDS) * 1000;
        return { value, expiresAt: requestedAt + Math.max(lifetimeMs / 2, lifetimeMs - TOKEN_EXPIRY_MARGIN_MS) };
    }
    #tokenRequest(scheme, scopes, credential) {
        const url = new URL(scheme.realm.href);
        if (scheme.service !== undefined)
            url.searchParams.set('service', scheme.service);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        const headers = { 'User-Agent': this.#options.userAgent, Accept: 'application/json' };
        if (credential?.kind === 'password')
            headers.Authorization = this.#basic(credential);
        return { method: 'GET', url, headers };
    }
    #refreshTokenRequest(scheme, scopes, credential) {
        this.reveal(credential.identityToken);
        const form = new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: credential.identityToken,
            client_id: OAUTH_CLIENT_ID,
        });
        if (scheme.service !== undefined)
            form.set('service', scheme.service);
        // In the OAuth2 form, scopes are one space-separated parameter.
        if (scopes.length > 0)
            form.set('scope', scopes.join(' '));
        return {
            method: 'POST',
            url: new URL(scheme.realm.href),
            headers: {
                'User-Agent': this.#options.userAgent,
                Accept: 'application/json',
                'Content-Type': 'application/x-www-form-urlencoded',
            },
            body: Buffer.from(form.toString()),
        };
    }
    #basic(credential) {
        const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
        this.reveal(credential.password);
        this.reveal(encoded);
        return `Basic ${encoded}`;
    }
    /** Hands a secret to onSecret, once: what the client sends, and what other APIs of the registry are sent. */
    reveal(secret) {
        if (secret === '' || this.#revealed.has(secret))
            return;
        this.#revealed.add(secret);
        this.#options.onSecret(secret);
    }
    /** The credential for a registry, asked of the source once (a credential helper runs once per registry). */
    credential(registry) {
        let credential = this.#credentials.get(registry);
        if (credential === undefined) {
            credential = this.#options.credentials.get(registry);
            this.#credentials.set(registry, credential);
        }
        return credential;
    }
    /** "authentication to R failed for user "u": GET … answered 401 UNAUTHORIZED: …", never with the secret. */
    #failure(request, response, credential, note) {
        const { status, codes, summary } = (0,errors/* describeResponse */.Xg)(request.method, request.url, response);
        const outcome = credential === undefined
            ? `is required, but ${this.#options.credentials.description} has no credentials for it`
            : credential.username === ''
                ? // A credential helper's identity token comes without a user name.
                    'failed with the identity token'
                : `failed for user "${credential.username}"`;
        const reason = note === undefined ? summary : `${note}; ${summary}`;
        return new errors/* RegistryAuthError */.w4(`authentication to ${request.registry} ${outcome}: ${reason}`, status, codes);
    }
}
/**
 * Parses a WWW-Authenticate value (RFC 9110 section 11.6.1): challenges such as
 * `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull,push"`,
 * several of them separated by commas, with quoted values that may hold commas and escaped quotes.
 */
function parseWwwAuthenticate(header) {
    const challenges = [];
    let position = 0;
    const skip = (pattern) => {
        while (position < header.length && pattern.test(header.charAt(position)))
            position++;
    };
    const token = () => {
        const start = position;
        skip(TOKEN_CHAR);
        return header.slice(start, position);
    };
    // Leniently up to the next comma or space: RFC 9110 wants a token here, but an unquoted realm URL is unambiguous.
    const unquoted = () => {
        const start = position;
        skip(/[^\s,]/);
        return header.slice(start, position);
    };
    const quoted = () => {
        let value = '';
        position++; // the opening quote
        while (position < header.length && header.charAt(position) !== '"') {
            if (header.charAt(position) === '\\')
                position++;
            value += header.charAt(position);
            position++;
        }
        position++; // the closing quote
        return value;
    };
    while (position < header.length) {
        skip(/[\s,]/);
        const scheme = token();
        if (scheme === '') {
            // Not a challenge: skip the character so that a malformed header cannot stall the parser.
            position++;
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        for (;;) {
            skip(/[\s,]/);
            const start = position;
            const name = token();
            skip(/\s/);
            if (name === '' || header.charAt(position) !== '=') {
                // The next challenge's scheme (or a token68, which registries do not use): back to the outer loop.
                position = start;
                break;
            }
            position++;
            skip(/\s/);
            challenge.params[name.toLowerCase()] = header.charAt(position) === '"' ? quoted() : unquoted();
        }
    }
    return challenges;
}
// RFC 9110 tchar.
const TOKEN_CHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;
/** Bearer when offered (it is what registries prefer), else Basic; other schemes are not supported. */
function preferredChallenge(header) {
    const challenges = parseWwwAuthenticate(header);
    return (challenges.find((challenge) => challenge.scheme === 'bearer') ??
        challenges.find((challenge) => challenge.scheme === 'basic'));
}
/**
 * Each scope once, in the order given, where once means the same resource and the same actions in any order: the
 * distribution registry lists a challenge's actions from a Go map, so in a random order (`pull,push` or `push,pull`).
 */
function distinctScopes(scopes) {
    const byMeaning = new Map();
    for (const scope of scopes) {
        const actionsAt = scope.lastIndexOf(':');
        const actions = scope
            .slice(actionsAt + 1)
            .split(',')
            .sort()
            .join(',');
        const meaning = actionsAt < 0 ? scope : `${scope.slice(0, actionsAt)}:${actions}`;
        if (!byMeaning.has(meaning))
            byMeaning.set(meaning, scope);
    }
    return [...byMeaning.values()];
}
function scopeKey(request) {
    return `${request.registry} ${request.scope ?? ''}`;
}
function parseRealm(realm) {
    if (realm === undefined)
        return undefined;
    try {
        const url = new URL(realm);
        return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
    }
    catch {
        return undefined;
    }
}
function parseJsonObject(text) {
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null ? value : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/registry/transient.ts
var registry_transient = __nccwpck_require__(4925);
;// CONCATENATED MODULE: ./src/registry/transport.ts
// The one request path of the registry client. Every request to a registry, its token server, blob storage or a
// registry's web API (GitHub Packages, Docker Hub) goes through Transport.request, which sends credentials only to
// the origin they belong to, follows redirects, turns unexpected answers into RegistryErrors and retries failures
// that pass (429, 5xx, resets, timeouts).






// Docker Hub's registry API is not on docker.io itself.
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
// A push also reads (HEAD before upload), so it asks for both and one token serves the whole push.
const SCOPE_ACTIONS = { pull: 'pull', push: 'pull,push', delete: 'delete' };
class Transport {
    #auth;
    #options;
    constructor(options) {
        this.#options = options;
        this.#auth = new RegistryAuth({
            credentials: options.credentials,
            fetch: options.fetch,
            onSecret: options.onSecret,
            userAgent: options.userAgent,
            requestTimeoutMs: options.requestTimeoutMs,
        });
    }
    /** Where credentials come from, for messages. */
    get credentialsDescription() {
        return this.#options.credentials.description;
    }
    /** Sends a call, retrying it when it fails for a passing reason unless it is one step of a sequence. */
    request(call) {
        return call.retry === false ? this.#send(call) : this.retrying(() => this.#send(call));
    }
    /**
     * Runs a sequence of calls (or one), again from its start when a step fails for a passing reason (or for one
     * that `isRetryable` accepts: a caller that looks at the registry again first may retry more).
     */
    async retrying(operation, isRetryable = registry_transient/* transientFailure */.R) {
        try {
            return await (0,retry/* retry */.L5)(operation, {
                ...this.#options.retry,
                isRetryable,
                onRetry: this.#options.onRetry,
            });
        }
        catch (error) {
            throw (0,registry_transient/* asRegistryError */._)(error);
        }
    }
    /** Runs `operation` again while it fails with NotYetVisibleError (read-after-write lag), within `bounds`. */
    async poll(operation, bounds) {
        try {
            return await (0,retry/* retry */.L5)(operation, {
                ...this.#options.retry,
                ...bounds,
                isRetryable: (error) => error instanceof errors/* NotYetVisibleError */.eS,
                onRetry: this.#options.onRetry,
            });
        }
        catch (error) {
            throw (0,registry_transient/* asRegistryError */._)(error);
        }
    }
    /** The credential for a registry, from the same source (and cache) as the registry's own authentication. */
    credential(registry) {
        return this.#auth.credential(registry);
    }
    /** Reports a secret sent outside the registry's own authentication (a web API login) to onSecret. */
    reveal(secret) {
        this.#auth.reveal(secret);
    }
    async #send(call) {
        const credentialsOrigin = originOf(call);
        const headers = { 'User-Agent': this.#options.userAgent, ...call.headers };
        let url = call.url;
        for (let redirects = 0;; redirects++) {
            const authorized = url.origin === credentialsOrigin;
            const request = { method: call.method, url, headers, body: call.body };
            const response = await this.#sendOnce(request, authorized ? call.credentials : undefined).catch((error) => {
                // Said like an unexpected answer: what we were doing, then what broke.
                if (error instanceof http/* NetworkError */.Dr) {
                    throw new http/* NetworkError */.Dr(`could not ${call.action}: ${error.message}`, error.code, { cause: error });
                }
                throw error;
            });
            if (call.expect.includes(response.status))
                return { response, url };
            const location = response.headers.get('location');
            const follows = call.method === 'GET' || call.method === 'HEAD';
            if (follows && REDIRECT_STATUSES.includes(response.status) && location !== null && redirects < MAX_REDIRECTS) {
                url = new URL(location, url);
                continue;
            }
            // Another host's query may hold a signature (presigned blob URLs): leave it out of the message.
            const shown = authorized ? url : new URL(url.pathname, url.origin);
            throw (0,errors/* unexpectedResponseError */.lo)(call.action, call.method, shown, response);
        }
    }
    #sendOnce(request, credentials) {
        if (credentials !== undefined && 'registry' in credentials) {
            return this.#auth.send({ ...request, registry: credentials.registry, scope: credentials.scope });
        }
        let { headers } = request;
        if (credentials !== undefined) {
            this.#auth.reveal(credentials.bearer);
            headers = { ...headers, Authorization: `Bearer ${credentials.bearer}` };
        }
        return (0,http/* sendHttp */.d3)(this.#options.fetch, { ...request, headers }, this.#options.requestTimeoutMs);
    }
}
/** The URL and credentials of a registry request about a repository: `path` is under /v2/<repository>/. */
function repositoryTarget(name, access, path) {
    return {
        url: new URL(`v2/${name.repository}/${path}`, registryUrl(name.registry)),
        credentials: repositoryCredentials(name, access),
    };
}
/** For a URL the registry gave (an upload location, the next page): the credentials of the repository. */
function repositoryCredentials(name, access) {
    return { registry: name.registry, scope: `repository:${name.repository}:${SCOPE_ACTIONS[access]}` };
}
/**
 * The API root of a registry: Docker Hub's API host for docker.io; plain http for loopback (localhost,
 * 127.0.0.0/8, [::1]), which Docker treats as insecure registries by default; https for everything else.
 */
function registryUrl(registry) {
    const host = registry === reference/* DOCKER_HUB */.Xb ? DOCKER_HUB_API_HOST : registry;
    const { hostname } = new URL(`http://${host}`);
    const loopback = hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
    return new URL(`${loopback ? 'http' : 'https'}://${host}/`);
}
/** The origin that may see the call's credentials: the registry's API root, or the web API the call is to. */
function originOf(call) {
    if (call.credentials === undefined)
        return undefined;
    return 'registry' in call.credentials ? registryUrl(call.credentials.registry).origin : call.url.origin;
}


/***/ }),

/***/ 234:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $T: () => (/* binding */ MANIFEST_MEDIA_TYPES),
/* harmony export */   yR: () => (/* binding */ isImageIndex),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
// The JSON shapes of the OCI image spec (and Docker's schema 2 equivalents) that this client reads and writes.
const MediaType = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    /** What a blob is when nothing more specific is known. */
    octetStream: 'application/octet-stream',
};
/** Every manifest type the client asks for: both index forms and both single-image forms. */
const MANIFEST_MEDIA_TYPES = [
    MediaType.ociIndex,
    MediaType.ociManifest,
    MediaType.dockerManifestList,
    MediaType.dockerManifest,
];
function isImageIndex(manifest) {
    return 'manifests' in manifest;
}


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   aB: () => (/* binding */ RetryExhaustedError)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter */
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6587);
// Retries with exponential backoff and full jitter (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/):
// the n-th retry waits a random time between 0 and min(maxDelay, base × 2^(n-1)), so that clients failing together
// do not come back together. A server's Retry-After replaces that wait. Retries are bounded in count and in time.
// Sleeping, randomness and the clock are injectable, so that the schedule is tested without waiting.

/** For one registry request (or one command): 7 attempts within a minute, so that a blip of ~10 s is ridden out. */
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 7,
    maxElapsedMs: 60_000,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    maxRetryAfterMs: 30_000,
};
/** The retries ran out: the message says how many attempts over how long, and the last reason. */
class RetryExhaustedError extends Error {
    attempts;
    lastError;
    name = 'RetryExhaustedError';
    constructor(message, attempts, 
    /** The last attempt's error. */
    lastError) {
        super(message, { cause: lastError });
        this.attempts = attempts;
        this.lastError = lastError;
    }
}
/** Runs `attempt` until it succeeds, fails with an error that is not retryable, or the retries run out. */
async function retry(attempt, options) {
    const policy = policyOf(options);
    const now = options.now ?? Date.now;
    const random = options.random ?? Math.random;
    const sleep = options.sleep ?? defaultSleep;
    const started = now();
    for (let attemptNumber = 1;; attemptNumber++) {
        let error;
        try {
            return await attempt(attemptNumber);
        }
        catch (caught) {
            error = caught;
        }
        const verdict = options.isRetryable(error);
        if (verdict === false)
            throw error;
        const { reason = (0,_error_message_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error), retryAfter } = verdict === true ? {} : verdict;
        const elapsed = now() - started;
        const giveUp = (why) => new RetryExhaustedError(`${reason} (gave up after ${plural(attemptNumber, 'attempt')} in ${seconds(elapsed)}${why})`, attemptNumber, error);
        if (attemptNumber >= policy.maxAttempts)
            throw giveUp('');
        const requested = retryAfter === undefined ? undefined : parseRetryAfter(retryAfter, now());
        const delay = requested === undefined
            ? backoffDelay(attemptNumber, policy, random)
            : Math.min(requested, policy.maxRetryAfterMs);
        if (elapsed + delay > policy.maxElapsedMs) {
            throw giveUp(`: waiting ${seconds(delay)} more would pass the ${seconds(policy.maxElapsedMs)} limit`);
        }
        options.onRetry?.(`${reason}; attempt ${attemptNumber} of ${policy.maxAttempts} failed, trying again in ${seconds(delay)}` +
            (requested === undefined ? '' : ' (as its Retry-After asks)'));
        await sleep(delay);
    }
}
/** The wait before retry number `retry` (1 for the first): full jitter over the exponential cap. */
function backoffDelay(retry, policy, random) {
    const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
    return Math.floor(random() * cap);
}
/**
 * A Retry-After header (RFC 9110 section 10.2.3) as milliseconds from `now`: delay-seconds or an HTTP-date (a
 * date already past means 0). Undefined when the value is neither, so the caller falls back to its own backoff.
 */
function parseRetryAfter(value, now) {
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    // Every HTTP-date form names a weekday and a month; without letters, Date.parse would read "1.5" as a date.
    if (!/[A-Za-z]{3}/.test(trimmed))
        return undefined;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function defaultSleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
function policyOf(tuning) {
    const defaults = DEFAULT_RETRY_POLICY;
    return {
        maxAttempts: tuning.maxAttempts ?? defaults.maxAttempts,
        maxElapsedMs: tuning.maxElapsedMs ?? defaults.maxElapsedMs,
        baseDelayMs: tuning.baseDelayMs ?? defaults.baseDelayMs,
        maxDelayMs: tuning.maxDelayMs ?? defaults.maxDelayMs,
        maxRetryAfterMs: tuning.maxRetryAfterMs ?? defaults.maxRetryAfterMs,
    };
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MJ: () => (/* binding */ stepTempDir),
/* harmony export */   Oi: () => (/* binding */ phase),
/* harmony export */   X5: () => (/* binding */ runnerTemp),
/* harmony export */   yK: () => (/* binding */ runIdentity)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3838);
// What main and post take from the runner's environment, and the shared way they time and group their phases.




function runIdentity(env = process.env) {
    return {
        runId: env.GITHUB_RUN_ID ?? 'local',
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        job: env.GITHUB_JOB ?? '',
        action: env.GITHUB_ACTION ?? '',
        startedAt: Math.floor(Date.now() / 1000),
    };
}
/**
 * RUNNER_TEMP itself: the same path in every job of a run, which the cache handoff needs (a cache entry is found
 * only under the path it was saved from).
 */
function runnerTemp(env = process.env) {
    return env.RUNNER_TEMP ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)();
}
/** A fresh directory under RUNNER_TEMP for this step's files (metadata, secrets, buildkitd config). */
async function stepTempDir(env = process.env) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(runnerTemp(env), 'multiarch-build-'));
}
/** Runs one phase in its own log group and records how long it took. */
async function phase(timings, name, work) {
    const started = performance.now();
    try {
        return await _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os(name, work);
    }
    finally {
        timings.push({ phase: name, seconds: Math.round(performance.now() - started) / 1000 });
    }
}


/***/ }),

/***/ 2462:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   UM: () => (/* binding */ markMainStarted),
/* harmony export */   Ux: () => (/* binding */ emptyRunState),
/* harmony export */   fQ: () => (/* binding */ loadRunState),
/* harmony export */   iZ: () => (/* binding */ saveRunState)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3838);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7242);
// What main hands to post, through the runner's state file. Saved early and again after each step that creates
// something, so that a main killed half-way still leaves post enough to clean up. Never holds a secret.


function emptyRunState() {
    return {
        mode: '',
        mainCompleted: false,
        cleanup: true,
        publish: 'post',
        published: false,
        platforms: [],
        finalTags: [],
        temporaryTags: [],
        temporaryTagDigests: {},
        engineImages: [],
        cleanupTags: [],
        tempTagPrefix: '',
        staleTagHours: 0,
        platformDigests: {},
        timings: [],
    };
}
/** Marks that main has started, so the shared entry point runs post next time. */
function markMainStarted() {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .StateKey */ .zv.IsPost, 'true');
}
function saveRunState(state) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .StateKey */ .zv.Run, JSON.stringify(state));
}
/** The state main left; undefined when main saved none (it failed before it created anything). */
function loadRunState() {
    const text = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .StateKey */ .zv.Run);
    if (text === '')
        return undefined;
    return { ...emptyRunState(), ...JSON.parse(text) };
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 5574:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3838:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ core_debug),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  Gu: () => (/* binding */ getState),
  Os: () => (/* binding */ group),
  pq: () => (/* binding */ info),
  _o: () => (/* binding */ isDebug),
  LZ: () => (/* binding */ saveState),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ core_setSecret),
  z: () => (/* reexport */ summary),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, endGroup, exportVariable, getBooleanInput, getIDToken, getMultilineInput, markdownSummary, notice, platform, setCommandEcho, startGroup, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */



function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const convertedValue = utils_toCommandValue(value);
    // Patched by multiarch-build (patches/): a name and value on one line take the runner's documented
    // `name=value` form, which needs no delimiter, so node:crypto (~10 ms to load) loads only for a multi-line one.
    if (!/[\r\n=]|<</.test(key) && !/[\r\n]/.test(convertedValue)) {
        return `${key}=${convertedValue}`;
    }
    const delimiter = `ghadelimiter_${process.getBuiltinModule('crypto').randomUUID()}`;
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

class oidc_utils_OidcClient {
    // Patched by multiarch-build (patches/): the HTTP client (and undici behind it) loads when an ID token is asked
    // for, not with @actions/core, where it cost every action step ~45 ms of start-up.
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        return __awaiter(this, void 0, void 0, function* () {
            const { HttpClient } = yield __nccwpck_require__.e(/* import() */ 942).then(__nccwpck_require__.bind(__nccwpck_require__, 4942));
            const { BearerCredentialHandler } = yield __nccwpck_require__.e(/* import() */ 145).then(__nccwpck_require__.bind(__nccwpck_require__, 2145));
            const requestOptions = {
                allowRetries: allowRetry,
                maxRetries: maxRetry
            };
            return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
        });
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return __awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = yield oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return __awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

// Patched by multiarch-build (patches/): @actions/exec (and @actions/io, which loads node's assert) loads when OS
// details are asked for, not with @actions/core, where it cost every step that runs no process ~8 ms of start-up.
const loadExec = () => Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 7187));
const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const exec = yield loadExec();
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const exec = yield loadExec();
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const exec = yield loadExec();
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 7187:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  exec: () => (/* binding */ exec),
  getExecOutput: () => (/* binding */ getExecOutput)
});

// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(5574);
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __nccwpck_require__(8701);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util = __nccwpck_require__(90);
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!io_util/* isRooted */.Qh(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield io/* which */.K7(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield io_util/* exists */.t2(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map

/***/ }),

/***/ 90:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ mkdir),
/* harmony export */   H8: () => (/* binding */ IS_WINDOWS),
/* harmony export */   Qh: () => (/* binding */ isRooted),
/* harmony export */   rm: () => (/* binding */ rm),
/* harmony export */   t2: () => (/* binding */ exists),
/* harmony export */   vr: () => (/* binding */ tryGetExecutablePath)
/* harmony export */ });
/* unused harmony exports chmod, copyFile, lstat, open, readdir, rename, rmdir, stat, symlink, unlink, readlink, UV_FS_O_EXLOCK, READONLY, isDirectory, getCmdPath */
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9896);
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6928);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs__WEBPACK_IMPORTED_MODULE_0__.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = path__WEBPACK_IMPORTED_MODULE_1__.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path__WEBPACK_IMPORTED_MODULE_1__.dirname(filePath);
                        const upperName = path__WEBPACK_IMPORTED_MODULE_1__.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path__WEBPACK_IMPORTED_MODULE_1__.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map

/***/ }),

/***/ 8701:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ which),
/* harmony export */   U$: () => (/* binding */ mkdirP),
/* harmony export */   Yz: () => (/* binding */ rmRF)
/* harmony export */ });
/* unused harmony exports cp, mv, findInPath */
/* harmony import */ var assert__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2613);
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6928);
/* harmony import */ var _io_util_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(90);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return __awaiter(this, void 0, void 0, function* () {
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        (0,assert__WEBPACK_IMPORTED_MODULE_0__.ok)(fsPath, 'a path argument must be provided');
        yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .mkdir */ .Ck(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8 && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .isRooted */ .Qh(tool)) {
            const filePath = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .tryGetExecutablePath */ .vr(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path__WEBPACK_IMPORTED_MODULE_1__.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .tryGetExecutablePath */ .vr(path__WEBPACK_IMPORTED_MODULE_1__.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return __awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function copyFile(srcFile, destFile, force) {
    return __awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map

/***/ }),

/***/ 5175:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  qg: () => (/* binding */ parse)
});

// UNUSED EXPORTS: CsvError, normalize_options

;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/CsvError.js
class CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== undefined) {
      Error.captureStackTrace(this, CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value)
          ? value.toString(options.encoding)
          : value == null
            ? value
            : JSON.parse(JSON.stringify(value));
      }
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/is_object.js
const is_object = function (obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_columns_array.js



const normalize_columns_array = function (columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === undefined || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal",
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`,
      ]);
    }
  }
  return normalizedColumns;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/ResizeableBuffer.js
class ResizeableBuffer {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.toString(encoding, 0, this.length);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
}

/* harmony default export */ const utils_ResizeableBuffer = (ResizeableBuffer);

;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/init_state.js


const init_state = function (options) {
  // ECMAScript WhiteSpace + LineTerminator codepoints, encoded under
  // `options.encoding`. Aligns trimming with `String.prototype.trim()`.
  // https://tc39.es/ecma262/#sec-white-space
  // https://tc39.es/ecma262/#sec-line-terminators
  //
  // Codepoints unrepresentable in the target encoding are dropped: Node's
  // Buffer substitutes them with `?` (0x3F), and including those would cause
  // literal `?` bytes in the input to be trimmed under `latin1`/`ascii`.
  const timchars = [
    // Basic Latin
    0x0020, // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
    0x0009, // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
    0x000a, // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
    0x000d, // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
    0x000c, // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
    0x000b, // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
    // Latin-1 Supplement
    0x00a0, // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
    // Ogham
    0x1680, // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
    // General Punctuation
    0x2000, // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
    0x2001, // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
    0x2002, // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
    0x2003, // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
    0x2004, // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
    0x2005, // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
    0x2006, // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
    0x2007, // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
    0x2008, // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
    0x2009, // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
    0x200a, // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
    0x2028, // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
    0x2029, // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
    0x202f, // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
    0x205f, // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
    0x3000, // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
    0xfeff, // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
  ].reduce((acc, codepoint) => {
    const encoded = Buffer.from(
      String.fromCharCode(codepoint),
      options.encoding,
    );
    if (codepoint !== 0x3f && encoded.length === 1 && encoded[0] === 0x3f) {
      return acc;
    }
    acc.push(encoded);
    return acc;
  }, []);
  // First-byte lookup table for `__isCharTrimable`. Non-whitespace bytes
  // (the common case) bail out in O(1) without scanning every timchar.
  const timcharFirstBytes = new Uint8Array(256);
  for (const t of timchars) timcharFirstBytes[t[0]] = 1;
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    delimiterBufPrevious: undefined,
    delimiterDiscovered: false,
    // Current error encountered by a record
    error: undefined,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote:
      Buffer.isBuffer(options.escape) &&
      Buffer.isBuffer(options.quote) &&
      Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns)
      ? options.columns.length
      : undefined,
    field: new utils_ResizeableBuffer(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      // Skip if the remaining buffer can be delimiter
      ...(options.delimiter
        ? options.delimiter.map((delimiter) => delimiter.length)
        : []),
      // Auto discovery of delimiter is limited to 1 character
      options.delimiter_auto ? 1 : 0,
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
      // Skip if the remaining buffer can be a multi-byte trim character
      ...timchars.map((t) => t.length),
    ),
    previousBuf: undefined,
    quoting: false,
    stop: false,
    rawBuffer: new utils_ResizeableBuffer(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength:
      options.record_delimiter.length === 0
        ? 0
        : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("\t", options.encoding)[0],
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: timchars,
    timcharFirstBytes: timcharFirstBytes,
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/underscore.js
const underscore = function (str) {
  return str.replace(/([A-Z])/g, function (_, match) {
    return "_" + match.toLowerCase();
  });
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_options.js





const normalize_options = function (opts) {
  const options = {};
  // Merge with user options
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  // Normalize option `encoding`
  // Note: defined first because other options depends on it
  // to convert chars/strings into buffers.
  if (options.encoding === undefined || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (
    typeof options.encoding !== "string" &&
    options.encoding !== null
  ) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`,
      ],
      options,
    );
  }
  // Normalize option `bom`
  if (
    options.bom === undefined ||
    options.bom === null ||
    options.bom === false
  ) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`,
      ],
      options,
    );
  }
  // Normalize option `cast`
  options.cast_function = null;
  if (
    options.cast === undefined ||
    options.cast === null ||
    options.cast === false ||
    options.cast === ""
  ) {
    options.cast = undefined;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`,
      ],
      options,
    );
  }
  // Normalize option `cast_date`
  if (
    options.cast_date === undefined ||
    options.cast_date === null ||
    options.cast_date === false ||
    options.cast_date === ""
  ) {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function (value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`,
      ],
      options,
    );
  }
  // Normalize option `columns`
  options.cast_first_line_to_header = undefined;
  if (options.columns === true) {
    // Fields in the first line are converted as-is to columns
    options.cast_first_line_to_header = undefined;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (
    options.columns === undefined ||
    options.columns === null ||
    options.columns === false
  ) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`,
      ],
      options,
    );
  }
  // Normalize option `group_columns_by_name`
  if (
    options.group_columns_by_name === undefined ||
    options.group_columns_by_name === null ||
    options.group_columns_by_name === false
  ) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`,
      ],
      options,
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated.",
      ],
      options,
    );
  }
  // Normalize option `comment`
  if (
    options.comment === undefined ||
    options.comment === null ||
    options.comment === false ||
    options.comment === ""
  ) {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `comment_no_infix`
  if (
    options.comment_no_infix === undefined ||
    options.comment_no_infix === null ||
    options.comment_no_infix === false
  ) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`,
      ],
      options,
    );
  }
  // Normalize option `delimiter_auto`
  if (
    options.delimiter_auto === undefined ||
    options.delimiter_auto === null ||
    options.delimiter_auto === false
  ) {
    options.delimiter_auto = false;
  } else if (options.delimiter_auto === true) {
    options.delimiter_auto = {};
  } else if (!is_object(options.delimiter_auto)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER_AUTO",
      [
        "Invalid option delimiter_auto:",
        "delimiter_auto must be a boolean or a configuration object,",
        `got ${JSON.stringify(options.delimiter_auto)}`,
      ],
      options,
    );
  }
  if (options.delimiter_auto) {
    if (options.delimiter_auto.preferred === undefined)
      options.delimiter_auto.preferred = {
        [",".charCodeAt(0)]: 1.8,
        ["\t".charCodeAt(0)]: 1.8,
        [";".charCodeAt(0)]: 1.6,
        [" ".charCodeAt(0)]: 1.6,
        [":".charCodeAt(0)]: 1.5,
        [".".charCodeAt(0)]: 1.4,
        ["/".charCodeAt(0)]: 1.4,
      };
    else if (!is_object(options.delimiter_auto.preferred)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "preferred must be an object,",
          `got ${JSON.stringify(options.delimiter_auto.preferred)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.score === undefined)
      options.delimiter_auto.score = (info, options) => {
        return (
          (info.total - info.std) * (options.preferred[info.char_code] || 1)
        );
      };
    else if (typeof options.delimiter_auto.score !== "function") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "score must be a function,",
          `got ${JSON.stringify(options.delimiter_auto.score)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.size === undefined)
      options.delimiter_auto.size = 2048;
    else if (typeof options.delimiter_auto.size !== "number") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "size must be a number,",
          `got ${JSON.stringify(options.delimiter_auto.size)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `delimiter`
  const delimiter_json = JSON.stringify(options.delimiter);
  if (options.delimiter_auto !== false) {
    options.delimiter = [];
  }
  if (!Array.isArray(options.delimiter)) {
    if (
      options.delimiter === undefined ||
      options.delimiter === null ||
      options.delimiter === false
    ) {
      options.delimiter = Buffer.from(",", options.encoding);
    }
    options.delimiter = [options.delimiter];
  }
  options.delimiter = options.delimiter.map(function (delimiter) {
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`,
        ],
        options,
      );
    }
    return delimiter;
  });
  // Normalize option `escape`
  if (options.escape === undefined || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`,
      );
    }
  }
  // Normalize option `from`
  if (options.from === undefined || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`,
      );
    }
  }
  // Normalize option `from_line`
  if (options.from_line === undefined || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (
      typeof options.from_line === "string" &&
      /\d+/.test(options.from_line)
    ) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`,
      );
    }
  }
  // Normalize options `ignore_last_delimiters`
  if (
    options.ignore_last_delimiters === undefined ||
    options.ignore_last_delimiters === null
  ) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`,
      ],
      options,
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option",
      ],
      options,
    );
  }
  // Normalize option `info`
  if (
    options.info === undefined ||
    options.info === null ||
    options.info === false
  ) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`,
    );
  }
  // Normalize option `max_record_size`
  if (
    options.max_record_size === undefined ||
    options.max_record_size === null ||
    options.max_record_size === false
  ) {
    options.max_record_size = 0;
  } else if (
    Number.isInteger(options.max_record_size) &&
    options.max_record_size >= 0
  ) {
    // Great, nothing to do
  } else if (
    typeof options.max_record_size === "string" &&
    /\d+/.test(options.max_record_size)
  ) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`,
    );
  }
  // Normalize option `objname`
  if (
    options.objname === undefined ||
    options.objname === null ||
    options.objname === false
  ) {
    options.objname = undefined;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
      // Don't call `toString`, leave objname as a buffer
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
    // Great, nothing to do
  } else if (typeof options.objname === "number") {
    // if(options.objname.length === 0){
    //   throw new Error(`Invalid Option: objname must be a non empty string`);
    // }
    // Great, nothing to do
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`,
    );
  }
  if (options.objname !== undefined) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field",
        );
      }
    } else {
      // A string or a buffer
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index",
        );
      }
    }
  }
  // Normalize option `on_record`
  if (options.on_record === undefined || options.on_record === null) {
    options.on_record = undefined;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`,
      ],
      options,
    );
  }
  // Normalize option `on_skip`
  // options.on_skip ??= (err, chunk) => {
  //   this.emit('skip', err, chunk);
  // };
  if (
    options.on_skip !== undefined &&
    options.on_skip !== null &&
    typeof options.on_skip !== "function"
  ) {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`,
    );
  }
  // Normalize option `quote`
  if (
    options.quote === null ||
    options.quote === false ||
    options.quote === ""
  ) {
    options.quote = null;
  } else {
    if (options.quote === undefined || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`,
      );
    }
  }
  // Normalize option `raw`
  if (
    options.raw === undefined ||
    options.raw === null ||
    options.raw === false
  ) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`,
    );
  }
  // Normalize option `record_delimiter`
  if (options.record_delimiter === undefined) {
    options.record_delimiter = [];
  } else if (
    typeof options.record_delimiter === "string" ||
    Buffer.isBuffer(options.record_delimiter)
  ) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`,
        ],
        options,
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`,
      ],
      options,
    );
  }
  options.record_delimiter = options.record_delimiter.map(function (rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  // Normalize option `relax_column_count`
  if (typeof options.relax_column_count === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count === undefined ||
    options.relax_column_count === null
  ) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`,
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_less === undefined ||
    options.relax_column_count_less === null
  ) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`,
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_more === undefined ||
    options.relax_column_count_more === null
  ) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`,
    );
  }
  // Normalize option `relax_quotes`
  if (typeof options.relax_quotes === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_quotes === undefined ||
    options.relax_quotes === null
  ) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`,
    );
  }
  // Normalize option `skip_empty_lines`
  if (typeof options.skip_empty_lines === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_empty_lines === undefined ||
    options.skip_empty_lines === null
  ) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`,
    );
  }
  // Normalize option `skip_records_with_empty_values`
  if (typeof options.skip_records_with_empty_values === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_empty_values === undefined ||
    options.skip_records_with_empty_values === null
  ) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`,
    );
  }
  // Normalize option `skip_records_with_error`
  if (typeof options.skip_records_with_error === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_error === undefined ||
    options.skip_records_with_error === null
  ) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`,
    );
  }
  // Normalize option `rtrim`
  if (
    options.rtrim === undefined ||
    options.rtrim === null ||
    options.rtrim === false
  ) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`,
    );
  }
  // Normalize option `ltrim`
  if (
    options.ltrim === undefined ||
    options.ltrim === null ||
    options.ltrim === false
  ) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`,
    );
  }
  // Normalize option `trim`
  if (
    options.trim === undefined ||
    options.trim === null ||
    options.trim === false
  ) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`,
    );
  }
  // Normalize options `trim`, `ltrim` and `rtrim`
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  // Normalize option `to`
  if (options.to === undefined || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`,
      );
    }
  }
  // Normalize option `to_line`
  if (options.to_line === undefined || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`,
      );
    }
  }
  return options;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/delimiter_discover.js



// Discussed in [issue #400](https://github.com/adaltas/node-csv/issues/400)
// See https://github.com/python/cpython/blob/ea1b1c579f600cc85d145c60862b2e6b98701b24/Lib/csv.py#L349
const delimiter_discover = function (records, options) {
  // Normalize the configuration
  if (!options) {
    ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
  }
  // Convert String to Buffer
  if (typeof records === "string") {
    records = Buffer.from(records);
  }
  // Convert Buffer to an array of records
  if (Buffer.isBuffer(records)) {
    records = ((data) => {
      const records = [];
      const parser = transform({ delimiter: [] });
      const push = (record) => records.push(record);
      const close = () => {};
      const error = parser.parse(data, true, push, close);
      if (error !== undefined) throw error;
      return records;
    })(records);
  }
  // Info array initialization, 127 entries, one per char code
  const info = Array(127)
    .fill()
    .map(() => ({ lines: [] }));
  // Traverse each records, count occurences per char code
  records.map(([record], line) => {
    for (let i = 0, l = record.length; i < l; i++) {
      // Count the character frequency
      const code = record.charCodeAt(i);
      if (info[code].lines[line] === undefined) info[code].lines[line] = 0;
      info[code].lines[line]++;
    }
  });
  // Traverse each char code, compute the score
  info.map((info, i) => {
    info.char_code = i;
    info.std = std(info.lines);
    info.total = info.lines.reduce((acc, val) => acc + val, 0);
    info.preferred = !!options.preferred[i];
    info.score = options.score(info, options);
  });
  // Extract the dominant character
  const result = info.reduce(
    (acc, info) => (acc.score > info.score ? acc : info),
    {},
  );
  return String.fromCharCode(result.char_code);
};

const std = function (array) {
  const n = array.length;
  if (n === 0) return 0;
  const mean = array.reduce((a, b) => a + b) / n;
  return Math.sqrt(
    array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n,
  );
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/index.js






const isRecordEmpty = function (record) {
  return record.every(
    (field) =>
      field == null || (field.toString && field.toString().trim() === ""),
  );
};

const cr = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
const nl = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal

const boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254]),
};

const transform = function (original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0,
  };
  const options = normalize_options(original_options);
  return {
    info: info,
    original_options: original_options,
    options: options,
    state: init_state(options),
    __needMoreData: function (i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } =
        this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0
          ? Buffer.from("\r\n", encoding).length
          : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0,
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function (nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        delimiter_auto,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line,
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const {
        bomSkipped,
        delimiterDiscovered,
        delimiterBufPrevious,
        rawBuffer,
        escapeIsQuote,
      } = this.state;
      // Automatic delimiter discovery
      if (!delimiterDiscovered && delimiter_auto) {
        let delimiterBuf;
        if (delimiterBufPrevious === undefined) {
          delimiterBuf = nextBuf;
        } else if (
          delimiterBufPrevious !== undefined &&
          nextBuf === undefined
        ) {
          delimiterBuf = delimiterBufPrevious;
        } else {
          delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
        }
        // Ensure that nextBuf is not concatenated a second time during buffer reconciliation
        nextBuf = undefined;
        // this.delimiterBufPrevious = delimiterBuf;
        if (end || delimiterBuf.length > delimiter_auto.size) {
          this.options.delimiter = [
            Buffer.from(
              delimiter_discover(delimiterBuf, this.options.delimiter_auto),
            ),
          ];
          this.state.previousBuf = delimiterBuf;
          this.state.delimiterBufPrevious = undefined;
          this.state.delimiterDiscovered = true;
        } else {
          this.state.delimiterBufPrevious = delimiterBuf;
          return;
        }
      }
      // Previous buffers reconciliation
      const { previousBuf } = this.state;
      let buf;
      if (previousBuf === undefined) {
        if (nextBuf === undefined) {
          // Handle empty string
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== undefined && nextBuf === undefined) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      // Handle UTF BOM
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          // No enough data
          if (end === false) {
            // Wait for more data
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding in boms) {
            if (boms[encoding].compare(buf, 0, boms[encoding].length) === 0) {
              // Skip BOM
              const bomLength = boms[encoding].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              // Renormalize original options with the new encoding
              const options = normalize_options({
                ...this.original_options,
                encoding: encoding,
              });
              // Properties are merged with the existing options instance
              for (const key in options) {
                this.options[key] = options[key];
              }
              // Options will re-evaluate the Buffer with the new encoding
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        // Ensure we get enough space to look ahead
        // There should be a way to move this out of the loop
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        // Auto discovery of record_delimiter, unix, mac and windows supported
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos,
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if (
          (chr === cr || chr === nl) &&
          this.state.wasRowDelimiter === false
        ) {
          this.state.wasRowDelimiter = true;
        }
        // Previous char was a valid escape char
        // treat the current char as a regular char
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          // Escape is only active inside quoted fields
          // We are quoting, the char is an escape chr and there is a chr to escape
          // if(escape !== null && this.state.quoting === true && chr === escape && pos + 1 < bufLen){
          if (
            escape !== null &&
            this.state.quoting === true &&
            this.__isEscape(buf, pos, chr) &&
            pos + escape.length < bufLen
          ) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          // Not currently escaping and chr is a quote
          // TODO: need to compare bytes instead of single char
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable =
                rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment =
                comment !== null &&
                this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr,
              );
              const isNextChrRecordDelimiter =
                record_delimiter.length === 0
                  ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length)
                  : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              // Escape a quote
              // Treat next char as a regular character
              if (
                escape !== null &&
                this.__isEscape(buf, pos, chr) &&
                this.__isQuote(buf, pos + escape.length)
              ) {
                pos += escape.length - 1;
              } else if (
                !nextChr ||
                isNextChrDelimiter ||
                isNextChrRecordDelimiter ||
                isNextChrComment ||
                isNextChrTrimable
              ) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment",
                    ],
                    this.options,
                    this.__infoField(),
                  ),
                );
                if (err !== undefined) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                // In relax_quotes mode, treat opening quote preceded by chrs as regular
                if (relax_quotes === false) {
                  const info = this.__infoField();
                  const bom = Object.keys(boms)
                    .map((b) =>
                      boms[b].equals(this.state.field.toString()) ? b : false,
                    )
                    .filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info.column)} at line ${info.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom ? `(${bom} bom)` : undefined,
                      ],
                      this.options,
                      info,
                      {
                        field: this.state.field,
                      },
                    ),
                  );
                  if (err !== undefined) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos,
            );
            if (recordDelimiterLength !== 0) {
              // Do not emit comments which take a full line
              const skipCommentLine =
                this.state.commenting &&
                this.state.wasQuoting === false &&
                this.state.record.length === 0 &&
                this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
                // Skip full comment line
              } else {
                // Activate records emission if above from_line
                if (
                  this.state.enabled === false &&
                  this.info.lines +
                    (this.state.wasRowDelimiter === true ? 1 : 0) >=
                    from_line
                ) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                // Skip if line is empty and skip_empty_lines activated
                if (
                  skip_empty_lines === true &&
                  this.state.wasQuoting === false &&
                  this.state.record.length === 0 &&
                  this.state.field.length === 0
                ) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== undefined) return errField;
                this.info.bytes =
                  this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== undefined) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (
              comment !== null &&
              (comment_no_infix === false ||
                (this.state.record.length === 0 &&
                  this.state.field.length === 0))
            ) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== undefined) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (
            max_record_size !== 0 &&
            this.state.record_length + this.state.field.length > max_record_size
          ) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
              ),
            );
          }
        }
        const lappend =
          ltrim === false ||
          this.state.quoting === true ||
          this.state.field.length !== 0 ||
          !this.__isCharTrimable(buf, pos);
        // rtrim in non quoting is handle in __onField
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        // Ensure we are not ending in a quoting state
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
          if (err !== undefined) return err;
        } else {
          // Skip last line if it has no characters
          if (
            this.state.wasQuoting === true ||
            this.state.record.length !== 0 ||
            this.state.field.length !== 0
          ) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== undefined) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== undefined) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function (push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values,
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      // Convert the first line into column names
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err =
          columns === false
            ? new CsvError(
                "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
                [
                  "Invalid Record Length:",
                  `expect ${this.state.expectedRecordLength},`,
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              )
            : new CsvError(
                "CSV_RECORD_INCONSISTENT_COLUMNS",
                [
                  "Invalid Record Length:",
                  `columns length is ${columns.length},`, // rename columns
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              );
        if (
          relax_column_count === true ||
          (relax_column_count_less === true &&
            recordLength < this.state.expectedRecordLength) ||
          (relax_column_count_more === true &&
            recordLength > this.state.expectedRecordLength)
        ) {
          this.info.invalid_field_length++;
          this.state.error = err;
          // Error is undefined with skip_records_with_error
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        // With columns, records are object
        if (columns !== false) {
          const obj = {};
          // Transform record array to an object
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === undefined || columns[i].disabled) continue;
            // Turn duplicate columns into an array
            if (
              group_columns_by_name === true &&
              Object.hasOwn(obj, columns[i].name)
            ) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              Object.defineProperty(obj, columns[i].name, {
                value: record[i],
                enumerable: true,
                writable: true,
                configurable: true,
              });
            }
          }
          // Without objname (default)
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [obj[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? obj : [obj[objname], obj],
              push,
            );
            if (err) {
              return err;
            }
          }
          // Without columns, records are array
        } else {
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: record },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [record[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? record : [record[objname], record],
              push,
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function (record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers =
          firstLineToHeaders === undefined
            ? record
            : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`,
              ],
              this.options,
              this.__infoField(),
              {
                headers: headers,
              },
            ),
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function () {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = undefined;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function () {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      // Short circuit for the from_line options
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== undefined) return err;
        field = f;
      }
      this.state.record.push(field);
      // Increment record length if record size must not exceed a limit
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function () {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function (record, push) {
      const { on_record } = this.options;
      if (on_record !== undefined) {
        const info = this.__infoRecord();
        try {
          record = on_record.call(null, record, info);
        } catch (err) {
          return err;
        }
        if (record === undefined || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function (field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      // Dont loose time calling cast
      // because the final record is an object
      // and this field can't be associated to a key present in columns
      if (
        isColumns === true &&
        relax_column_count &&
        this.options.columns.length <= this.state.record.length
      ) {
        return [undefined, undefined];
      }
      if (this.state.castField !== null) {
        try {
          const info = this.__infoField();
          return [undefined, this.state.castField.call(null, field, info)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [undefined, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info = this.__infoField();
        return [undefined, this.options.cast_date.call(null, field, info)];
      }
      return [undefined, field];
    },
    __compareBytes: function (sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    // Helper to test if a character is trimable
    __isCharTrimable: function (buf, pos) {
      const { timchars, timcharFirstBytes } = this.state;
      // Fast bail-out: non-whitespace bytes (the common case) are rejected
      // without scanning the full timchar list.
      const first = buf[pos];
      if (first === undefined || timcharFirstBytes[first] === 0) return 0;
      loop1: for (let i = 0; i < timchars.length; i++) {
        const timchar = timchars[i];
        for (let j = 0; j < timchar.length; j++) {
          if (timchar[j] !== buf[pos + j]) continue loop1;
        }
        return timchar.length;
      }
      return 0;
    },
    __isDelimiter: function (buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (
        ignore_last_delimiters === true &&
        this.state.record.length === this.options.columns.length - 1
      ) {
        return 0;
      } else if (
        ignore_last_delimiters !== false &&
        typeof ignore_last_delimiters === "number" &&
        this.state.record.length === ignore_last_delimiters - 1
      ) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isEscape: function (buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isFloat: function (value) {
      return value - parseFloat(value) + 1 >= 0; // Borrowed from jquery
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isQuote: function (buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __isRecordDelimiter: function (chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __autoDiscoverRecordDelimiter: function (buf, pos) {
      const { encoding } = this.options;
      // Note, we don't need to cache this information in state,
      // It is only called on the first line until we find out a suitable
      // record delimiter.
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding),
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function (msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== undefined) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : undefined,
            );
          } catch (err) {
            return err;
          }
        }
        // this.emit('skip', err, raw ? this.state.rawBuffer.toString(encoding) : undefined);
        return undefined;
      } else {
        return err;
      }
    },
    __infoDataSet: function () {
      return {
        ...this.info,
        columns: this.options.columns,
      };
    },
    __infoRecord: function () {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : undefined,
      };
    },
    __infoField: function () {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      // Bytes records are only incremented when all records'fields are parsed
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records: bytes_records,
        column:
          isColumns === true
            ? columns.length > this.state.record.length
              ? columns[this.state.record.length].name
              : null
            : this.state.record.length,
        quoting: this.state.wasQuoting,
      };
    },
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/sync.js



const parse = function (data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? Object.create(null) : [];
  const parser = transform(opts);
  const push = (record) => {
    if (parser.options.objname === undefined) records.push(record);
    else {
      records[record[0]] = record[1];
    }
  };
  const close = () => {};
  const error = parser.parse(data, true, push, close);
  if (error !== undefined) throw error;
  return records;
};




/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
