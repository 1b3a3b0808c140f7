package io.tollgate.engine.rules;

import java.util.List;

/** Builds one action from its words: {@code argument} is what follows the name in parentheses, or null. */
@FunctionalInterface
interface ActionParser {
    HttpAction parse(String argument, List<String> args, RuleSite site) throws RuleException;
}
