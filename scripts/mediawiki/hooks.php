<?php
/**
 * Hooks of the test wiki, loaded by the settings that scripts/mediawiki/settings.ts writes.
 */

declare( strict_types=1 );

use MediaWiki\MediaWikiServices;

/**
 * Refuses a cached rendering made with a template revision that is no longer current.
 *
 * MediaWiki invalidates the pages that use an edited template by moving their page_touched to the
 * edit's time, in whole seconds; a rendering cached earlier in that same second still counts as
 * current (CacheTime::expired compares with "<"). Tests edit within a second, so compare what the
 * rendering was made from with what the templates are now: exact, and one query per cached view.
 *
 * @param ParserOutput $parserOutput
 * @return bool false to parse the page again
 */
function projectDeskRejectStaleTemplates( $parserOutput ): bool {
	$used = $parserOutput->getTemplateIds();
	if ( !$used ) {
		return true;
	}
	$dbr = MediaWikiServices::getInstance()->getDBLoadBalancer()->getConnection( DB_REPLICA );
	$rows = $dbr->select(
		'page',
		[ 'page_namespace', 'page_title', 'page_latest' ],
		$dbr->makeWhereFrom2d( $used, 'page_namespace', 'page_title' ),
		__FUNCTION__
	);
	$current = [];
	foreach ( $rows as $row ) {
		$current[(int)$row->page_namespace][(string)$row->page_title] = (int)$row->page_latest;
	}
	foreach ( $used as $namespace => $titles ) {
		foreach ( $titles as $title => $revision ) {
			// A template that was missing (revision 0 or null) and now exists is a change too.
			if ( ( $current[$namespace][(string)$title] ?? 0 ) !== (int)$revision ) {
				return false;
			}
		}
	}
	return true;
}
