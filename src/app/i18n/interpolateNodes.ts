import { createElement, Fragment, type ReactNode } from "react";

/**
 * Fills `{name}` placeholders with React nodes, for a translated sentence that embeds an element
 * (a ticking `<time>`, a link) without splitting the sentence into untranslatable pieces.
 */
export function interpolateNodes(template: string, nodes: Readonly<Record<string, ReactNode>>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((part, index) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    const node = name !== undefined && Object.hasOwn(nodes, name) ? nodes[name] : part;
    return createElement(Fragment, { key: index }, node);
  });
}
