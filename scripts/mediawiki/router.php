<?php
/**
 * The router of the test wiki's built-in server:
 *   php -S 127.0.0.1:PORT -t MEDIAWIKI_TREE scripts/mediawiki/router.php
 * Returning false lets the server run the requested entry point or send the static file.
 */

declare( strict_types=1 );

require_once __DIR__ . '/route.php';

if ( projectDeskMayServe( $_SERVER['REQUEST_URI'] ?? '/', $_SERVER['DOCUMENT_ROOT'] ?? '' ) ) {
	return false;
}
http_response_code( 404 );
header( 'Content-Type: text/plain; charset=utf-8' );
echo "Not found\n";
return true;
