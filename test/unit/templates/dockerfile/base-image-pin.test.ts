import * as assert from 'node:assert/strict';
import { baseImagePin } from '../../../../server/src/engine/templates/dockerfile/base-image-pin';
import { MALFORMED, runnerFor } from './helpers';

// dockerfile-base-image-pin: which image each FROM names once global ARG defaults are applied, and
// which references are template placeholders rather than images.

describe('template dockerfile-base-image-pin', () => {
  const latest = runnerFor(baseImagePin, { require: 'tag' });
  const digest = runnerFor(baseImagePin, { require: 'digest' });
  const images = (text: string): string[] => digest(text).reports.map((r) => r.data?.image ?? '');

  const cases: { name: string; text: string; images: string[] }[] = [
    { name: 'a default built from earlier ARGs, as Docker expands it', text: 'ARG REGISTRY=quay.io\nARG OWNER=jupyter\nARG BASE=$REGISTRY/${OWNER}/scipy-notebook\nFROM $BASE\n', images: ['quay.io/jupyter/scipy-notebook'] },
    { name: 'several pairs in one ARG', text: 'ARG NAME=node TAG=22\nFROM ${NAME}:${TAG}\n', images: ['node:22'] },
    { name: 'a default that uses an unknown variable is unknown', text: 'ARG PROJECT\nARG BASE=gcr.io/${PROJECT}/mvn:3\nFROM ${BASE}\n', images: [] },
    { name: 'an unknown default is not replaced by the :- fallback', text: 'ARG X\nARG BASE=$X/app\nFROM ${BASE:-alpine:3.20}\n', images: [] },
    { name: 'an empty default takes the :- fallback', text: 'ARG TAG=\nFROM alpine:${TAG:-3.20}\n', images: ['alpine:3.20'] },
    { name: 'placeholder: upper case', text: 'FROM REPLACE-ME\n', images: [] },
    { name: 'placeholder: angle brackets', text: 'FROM gcr.io/<project_id>/go-windows\n', images: [] },
    { name: 'placeholder: brackets', text: 'FROM [server-modules] AS server-modules\n', images: [] },
    { name: 'placeholder: a variable syntax Docker does not know', text: 'FROM mcr.microsoft.com/devcontainers/base:${templateOption:imageVariant}\n', images: [] },
    { name: 'registry with a port and upper case host', text: 'FROM Registry.Example.com:5000/team/app:1.4\n', images: ['Registry.Example.com:5000/team/app:1.4'] },
    { name: 'an earlier stage chosen by a variable', text: 'ARG DIST=debug\nFROM alpine:3.20 AS debug\nFROM ${DIST:-debug}\n', images: ['alpine:3.20'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(images(c.text), c.images));
  }

  it('require: tag flags an untagged image resolved through chained ARGs, on the FROM image', () => {
    assert.deepEqual(latest('ARG REGISTRY=quay.io\nARG BASE=$REGISTRY/jupyter/base-notebook\nFROM $BASE\n').underlined, ['$BASE']);
  });

  it('never throws on malformed Dockerfiles', () => {
    for (const text of MALFORMED) {
      latest(text);
      digest(text);
    }
  });
});
