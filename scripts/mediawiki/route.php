<?php
/**
 * Which requests the test wiki's `php -S` serves. Only MediaWiki's four web entry points and the
 * static files of resources/, skins/ and extensions/ are reachable; everything else (maintenance
 * scripts, includes/, vendor/, mw-config/, PHP files under extensions/, dot files) is not found.
 * Kept apart from router.php so that it can be tested without a server.
 */

declare( strict_types=1 );

const PROJECT_DESK_ENTRY_POINTS = [ 'index.php', 'api.php', 'load.php', 'rest.php' ];
const PROJECT_DESK_STATIC_DIRS = [ 'resources', 'skins', 'extensions' ];
const PROJECT_DESK_STATIC_TYPES = [
	'css', 'js', 'png', 'gif', 'jpg', 'jpeg', 'svg', 'ico', 'webp', 'woff', 'woff2', 'ttf', 'eot', 'otf',
];

/**
 * True when the built-in server may handle $requestUri itself (run the entry point, or send the
 * file); false for "404 Not Found". $docRoot is the MediaWiki tree.
 */
function projectDeskMayServe( string $requestUri, string $docRoot ): bool {
	$rawPath = parse_url( $requestUri, PHP_URL_PATH );
	if ( !is_string( $rawPath ) ) {
		return false;
	}
	$path = rawurldecode( $rawPath );
	// The bare root shows the main page (the server runs index.php for it).
	if ( $path === '/' ) {
		return true;
	}
	// No NUL, no backslash, no empty segment, and no segment starting with a dot: this rules out
	// "..", "." and hidden files before any file system lookup.
	if ( preg_match( '#[\x00\\\\]|//|/\.#', $path ) ) {
		return false;
	}
	$segments = explode( '/', substr( $path, 1 ) );
	// /index.php, /api.php, /load.php, /rest.php, each with an optional path after it (rest.php/v1/…).
	if ( in_array( $segments[0], PROJECT_DESK_ENTRY_POINTS, true ) ) {
		return true;
	}
	if ( count( $segments ) < 2 || !in_array( $segments[0], PROJECT_DESK_STATIC_DIRS, true ) ) {
		return false;
	}
	$extension = strtolower( pathinfo( $path, PATHINFO_EXTENSION ) );
	return in_array( $extension, PROJECT_DESK_STATIC_TYPES, true ) && is_file( $docRoot . $path );
}
