import { GraphQLError, type ValidationRule } from 'graphql';

const GERMAN = { query: 'Abfragen', mutation: 'Änderungen (mutation)', subscription: 'Abonnements (subscription)' } as const;

/**
 * A mutation or subscription against a schema without that root type is the client's mistake: graphql-js only
 * notices at execution (an error without a code, hence a 500); as a validation error it is a 400.
 */
export const SupportedOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    const messageDe = `Diese API kennt keine ${GERMAN[node.operation]}.`;
    const messageEn = `This API has no ${node.operation} operations.`;
    context.reportError(new GraphQLError(`${messageDe} / ${messageEn}`, { nodes: node, extensions: { messageDe, messageEn } }));
  },
});
