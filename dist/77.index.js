export const id = 77;
export const ids = [77];
export const modules = {

/***/ 7077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPostStep: () => (/* binding */ runPostStep)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/docker.ts + 1 modules
var docker = __webpack_require__(3347);
// EXTERNAL MODULE: ./src/plan.ts
var plan = __webpack_require__(2464);
// EXTERNAL MODULE: ./src/publish.ts
var publish = __webpack_require__(4496);
// EXTERNAL MODULE: ./src/reference.ts
var src_reference = __webpack_require__(8286);
// EXTERNAL MODULE: ./src/registry-access.ts + 10 modules
var registry_access = __webpack_require__(3907);
// EXTERNAL MODULE: ./src/registry/digest.ts
var digest = __webpack_require__(5035);
// EXTERNAL MODULE: ./src/registry/types.ts
var types = __webpack_require__(234);
// EXTERNAL MODULE: ./src/runtime.ts
var runtime = __webpack_require__(3683);
// EXTERNAL MODULE: ./src/state.ts
var src_state = __webpack_require__(2462);
;// CONCATENATED MODULE: ./src/summary.ts
/** Markdown for GITHUB_STEP_SUMMARY. Pure: everything it shows comes from state and the post report. */
function summaryMarkdown(state, report) {
    const lines = ['## multiarch-build', ''];
    const outcome = !state.mainCompleted
        ? 'Main did not finish: nothing was published.'
        : state.mode === 'shard'
            ? 'Built and handed off; the merge job publishes.'
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
    section(lines, 'Tags published', report.published);
    section(lines, 'Temporary tags deleted', report.deleted);
    section(lines, 'Left behind', report.leftBehind);
    section(lines, 'Notes', report.notes);
    if (state.timings.length > 0) {
        lines.push('| Phase | Seconds |', '| --- | --: |');
        for (const timing of state.timings)
            lines.push(`| ${timing.phase} | ${timing.seconds.toFixed(1)} |`);
        lines.push('');
    }
    return lines.join('\n');
}
function section(lines, title, items) {
    if (items.length === 0)
        return;
    lines.push(`**${title}:**`, '', ...items.map((item) => `- \`${item}\``), '');
}

// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __webpack_require__(6587);
;// CONCATENATED MODULE: ./src/post.ts
// The post step, run always (post-if: always()): publish what main finished, then clean up what this run
// created (and the leftovers the user listed, and stale temporary tags of crashed runs). It never throws: a failed
// publish fails the step; a failed cleanup is a warning that says what was left behind and how to remove it.













/** The post step, with main's state: it never throws, anything unforeseen is a warning. */
async function runPostStep() {
    try {
        const state = (0,src_state/* loadRunState */.fQ)();
        if (state)
            await post(state);
    }
    catch (error) {
        // What cleanup could not do is said in its own warnings; this one names what went wrong.
        core/* warning */.$e(`post step: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
}
async function post(state) {
    const report = { published: [], deleted: [], leftBehind: [], notes: [] };
    const registry = (0,registry_access/* createRegistryClient */.H)(undefined, undefined, state.dummyConfig);
    // The engine's part of cleanup (docker commands, the slowest part) needs nothing from the registry: it starts
    // first, and the registry's part runs meanwhile.
    const engineCleanup = state.cleanup ? cleanUpEngine(state, docker.DockerCli.forThisMachine(), report) : Promise.resolve();
    // Deleting this run's temporary tags first needs a dummy config in each of their repositories: main uploaded it
    // while it built, else its upload runs now.
    if (state.cleanup)
        void registry.prepareTagDeletion(state.temporaryTags.map(src_reference/* parseReference */.F2));
    const index = await readIndex(state, registry);
    await (0,runtime/* phase */.Oi)(state.timings, 'Publish and clean up', async () => {
        // Publishing and cleanup touch different tags, so they run together.
        const publishing = publishIfDue(state, index?.bytes, report, registry);
        if (state.cleanup) {
            const cleaner = new TagCleaner(registry, report, protectedDigests(state, index?.json), core/* getInput */.V4(constants/* Input */.pd.GithubToken));
            await Promise.all([cleanUpRegistry(state, cleaner, publishing), engineCleanup]);
        }
        else {
            await publishing;
            if (state.temporaryTags.length > 0) {
                report.leftBehind.push(...state.temporaryTags);
                core/* info */.pq(`cleanup is false: leaving ${state.temporaryTags.join(', ')}`);
            }
        }
    });
    await core/* summary */.z.addRaw(summaryMarkdown(state, report)).write();
}
/**
 * The index main pushed: post publishes its bytes and protects everything it references. main saved the bytes,
 * which spares a round trip before publishing; else (or when they do not match its digest) they are read once.
 */
async function readIndex(state, registry) {
    const [first] = state.finalTags;
    if (!state.index || first === undefined)
        return undefined;
    const saved = Buffer.from(state.indexBytes ?? '', 'base64');
    if (saved.length > 0 && (0,digest/* digestOf */.o)(saved) === state.index.digest) {
        return { bytes: saved, json: JSON.parse(saved.toString('utf8')) };
    }
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
async function publishIfDue(state, indexBytes, report, registry) {
    if (state.published) {
        report.published.push(...state.finalTags);
        return;
    }
    if (state.publish !== 'post')
        return;
    const index = state.index;
    if (!state.mainCompleted || !index) {
        report.notes.push('main did not finish every build: nothing was published');
        core/* info */.pq('Main did not finish every build: nothing is published.');
        return;
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
        core/* setFailed */.C1(`Publishing ${index.digest} failed: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
}
/** The tags this run created, the stale tags of crashed runs, and, once published, the user's leftovers. */
async function cleanUpRegistry(state, cleaner, publishing) {
    await Promise.all([
        cleaner.deleteAll(state.temporaryTags.map(src_reference/* parseReference */.F2), { present: temporaryTagsPresent(state) }),
        state.staleTagHours > 0 ? cleaner.deleteStale(state) : undefined,
        publishing.then(async () => {
            if (state.published)
                await cleaner.deleteLeftovers(state.cleanupTags.map(src_reference/* parseReference */.F2), state);
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
/** The builder this run created, and the names the docker driver left in the engine. */
async function cleanUpEngine(state, docker, report) {
    await Promise.all([
        removeCreatedBuilder(state.builder, docker),
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
/** Removes the builder when this run created it; a failure is a warning that says how to remove it by hand. */
async function removeCreatedBuilder(builder, docker) {
    if (!builder?.created)
        return;
    try {
        await docker.removeBuilder(builder.name);
        core/* info */.pq(`Removed builder ${builder.name}`);
    }
    catch (error) {
        core/* warning */.$e(`Could not remove the builder ${builder.name}: ${(0,error_message/* errorMessage */.g)(error)} (remove it with: docker buildx rm ${builder.name})`);
    }
}
/** Deletes tags safely (the registry client never deletes an image), reporting each outcome once. */
class TagCleaner {
    registry;
    report;
    protectedDigests;
    githubToken;
    constructor(registry, report, protectedDigests, githubToken) {
        this.registry = registry;
        this.report = report;
        this.protectedDigests = protectedDigests;
        this.githubToken = githubToken;
    }
    async deleteAll(tags, options = {}) {
        await Promise.all(tags.map((tag) => this.delete(tag, options)));
    }
    /**
     * `cleanup-tags`: the user's own leftovers (e.g. per-arch tags of an older workflow). A tag that points at the
     * published index is refused: deleting it would hide what this run just published.
     */
    async deleteLeftovers(tags, state) {
        await Promise.all(tags.map(async (tag) => {
            const found = await this.registry.headManifest(tag, tag.tag ?? 'latest').catch(() => undefined);
            if (found?.digest === state.index?.digest) {
                this.report.leftBehind.push((0,src_reference/* formatReference */.FH)(tag));
                core/* warning */.$e(`cleanup-tags: ${(0,src_reference/* formatReference */.FH)(tag)} points at the published index; it is kept.`);
                return;
            }
            await this.delete(tag);
        }));
    }
    /**
     * Temporary tags that crashed runs left behind: recognised only by this action's naming scheme (prefix, run id,
     * attempt, step hash, start time) and only when older than stale-tag-hours, so a run still in progress keeps its own.
     */
    async deleteStale(state) {
        const own = new Set(state.temporaryTags);
        const cutoff = Date.now() / 1000 - state.staleTagHours * 3600;
        const repositories = new Map(state.finalTags.map(src_reference/* parseReference */.F2).map((ref) => [(0,src_reference/* formatName */.nD)(ref), ref]));
        for (const repository of repositories.values()) {
            const tags = await this.registry.listTags(repository).catch((error) => {
                core/* warning */.$e(`Could not list the tags of ${(0,src_reference/* formatName */.nD)(repository)} to find stale ones: ${(0,error_message/* errorMessage */.g)(error)}`);
                return [];
            });
            const stale = tags.filter((tag) => {
                const parsed = (0,plan/* parseTemporaryTag */.Xp)(state.tempTagPrefix, tag);
                const reference = `${(0,src_reference/* formatName */.nD)(repository)}:${tag}`;
                return parsed !== undefined && parsed.createdAt < cutoff && !own.has(reference);
            });
            if (stale.length > 0)
                core/* info */.pq(`Deleting ${stale.length} stale temporary tags of ${(0,src_reference/* formatName */.nD)(repository)}`);
            // Just listed: a stale tag left dangling (its manifest deleted under it) is removed too.
            await Promise.all(stale.map((tag) => this.delete({ ...repository, tag }, { present: true })));
        }
    }
    async delete(tag, options = {}) {
        const reference = (0,src_reference/* formatReference */.FH)(tag);
        try {
            const outcome = await this.registry.deleteTag(tag, tag.tag ?? '', {
                ...options,
                protectedDigests: this.protectedDigests,
                ...(this.githubToken === '' ? {} : { githubToken: this.githubToken }),
            });
            if (outcome !== 'absent')
                this.report.deleted.push(reference);
        }
        catch (error) {
            this.report.leftBehind.push(reference);
            core/* warning */.$e(`Could not delete the tag ${reference}: ${(0,error_message/* errorMessage */.g)(error)}`);
        }
    }
}


/***/ })

};
