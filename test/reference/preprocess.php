<?php
/**
 * Reference reading of template transclusions: runs MediaWiki 1.39's own preprocessor
 * (Preprocessor_Hash, from Debian's `mediawiki` package files) over wikitext files in page-view mode
 * and prints, as JSON, every transclusion of one template with its parameters as MediaWiki reads them.
 *
 *   php test/reference/preprocess.php --mw=DIR --template=project [--alias=NAME]... \
 *       [--tags=pre,nowiki,ref,...] [--no-lang-conversion] FILE [FILE...]
 *
 * --mw    the MediaWiki install directory (holds includes/parser/Preprocessor_Hash.php);
 *         default $MW_INSTALL_PATH, then /usr/share/mediawiki.
 * --tags  the wiki's extension tags (meta=siteinfo&siprop=extensiontags without angle brackets);
 *         default: the tags of a bare MediaWiki 1.39 (pre, nowiki, gallery, indicator, langconvert).
 * One FILE prints an array of transclusions; several print an object keyed by the path as given.
 *
 * No web server, database or configuration: Preprocessor_Hash::preprocessToObj() only asks its Parser
 * for getStripList(), so we build both objects without their constructors and set the two fields
 * that building the node tree reads. The tree is MediaWiki's; turning it back into source text and
 * reading names (trimmed, comments and <includeonly> parts removed, as PPFrame_Hash does) is ours.
 */

declare( strict_types=1 );

const BARE_MEDIAWIKI_TAGS = [ 'pre', 'nowiki', 'gallery', 'indicator', 'langconvert' ];

function fail( string $message ): never {
	fwrite( STDERR, "preprocess.php: $message\n" );
	exit( 2 );
}

/** @return array{mw: string, names: string[], tags: string[], langConversion: bool, files: string[]} */
function parseArguments( array $argv ): array {
	$options = [
		'mw' => getenv( 'MW_INSTALL_PATH' ) ?: '/usr/share/mediawiki',
		'names' => [],
		'tags' => BARE_MEDIAWIKI_TAGS,
		'langConversion' => true,
		'files' => [],
	];
	foreach ( array_slice( $argv, 1 ) as $arg ) {
		if ( preg_match( '/^--(mw|template|alias|tags)=(.*)$/s', $arg, $m ) ) {
			match ( $m[1] ) {
				'mw' => $options['mw'] = $m[2],
				'template', 'alias' => $options['names'][] = $m[2],
				'tags' => $options['tags'] = array_values( array_filter(
					array_map( static fn ( $t ) => strtolower( trim( $t ) ), explode( ',', $m[2] ) ),
					static fn ( $t ) => $t !== ''
				) ),
			};
		} elseif ( $arg === '--no-lang-conversion' ) {
			$options['langConversion'] = false;
		} elseif ( str_starts_with( $arg, '--' ) ) {
			fail( "unknown option $arg" );
		} else {
			$options['files'][] = $arg;
		}
	}
	if ( !$options['names'] ) {
		fail( 'give the template with --template=NAME' );
	}
	if ( !$options['files'] ) {
		fail( 'give at least one wikitext file' );
	}
	return $options;
}

function loadPreprocessor( string $mw, array $tags, bool $langConversion ): Preprocessor_Hash {
	if ( !is_file( "$mw/includes/parser/Preprocessor_Hash.php" ) ) {
		fail( "no MediaWiki at $mw (includes/parser/Preprocessor_Hash.php is in Debian's `mediawiki` package)" );
	}
	require_once "$mw/includes/AutoLoader.php";

	$parser = ( new ReflectionClass( Parser::class ) )->newInstanceWithoutConstructor();
	$stripList = new ReflectionProperty( Parser::class, 'mStripList' );
	$stripList->setAccessible( true );
	$stripList->setValue( $parser, $tags );

	$preprocessor = ( new ReflectionClass( Preprocessor_Hash::class ) )->newInstanceWithoutConstructor();
	foreach ( [ 'parser' => $parser, 'disableLangConversion' => !$langConversion, 'cacheThreshold' => false ]
		as $field => $value
	) {
		$property = new ReflectionProperty( $preprocessor, $field );
		$property->setAccessible( true );
		$property->setValue( $preprocessor, $value );
	}
	return $preprocessor;
}

/**
 * Serialises a node tree back to source, recording byte offsets of every template/tplarg and of its
 * parts as it goes. Children are PHP arrays as Preprocessor_Hash builds them: a string is text, an
 * array is [name, children]; names starting with '@' are attributes and carry no source.
 */
final class SourceWriter {
	public string $out = '';
	/** @var array<int, array> template records, in document (pre-)order */
	public array $templates = [];
	/** @var array<int, array{level: int, node: array, start: int}> root-level headings */
	public array $headings = [];
	private int $braceDepth = 0;

	/** @param bool $dropHidden leave out what a page view drops: comments and <includeonly> parts */
	public function __construct( private readonly bool $dropHidden = false ) {
	}

	public function writeChildren( array $children, bool $atRoot = false ): void {
		foreach ( $children as $child ) {
			if ( is_string( $child ) ) {
				$this->out .= $child;
			} else {
				$this->writeNode( $child, $atRoot );
			}
		}
	}

	private function writeNode( array $node, bool $atRoot ): void {
		[ $name, $children ] = $node;
		if ( $name[0] === '@' ) {
			return;
		}
		switch ( $name ) {
			case 'template':
			case 'tplarg':
				$this->writeBraces( $name, $children );
				return;
			case 'ext':
				$this->writeExt( $children );
				return;
			case 'h':
			case 'possible-h':
				$start = strlen( $this->out );
				$this->writeChildren( $children );
				if ( $atRoot && $name === 'h' ) {
					$this->headings[] = [ 'level' => (int)attribute( $children, '@level' ), 'start' => $start,
						'end' => strlen( $this->out ), 'text' => headingText( $children ) ];
				}
				return;
			case 'comment':
			case 'ignore':
				if ( !$this->dropHidden ) {
					$this->writeChildren( $children );
				}
				return;
			default:
				// equals, and the part/name/value/title containers
				$this->writeChildren( $children );
		}
	}

	private function writeBraces( string $kind, array $children ): void {
		$record = [ 'kind' => $kind, 'start' => strlen( $this->out ), 'nested' => $this->braceDepth > 0 ];
		// Reserve the slot first so that the list stays in document order (outer before inner).
		$index = count( $this->templates );
		$this->templates[] = null;
		$braces = $kind === 'template' ? 2 : 3;
		$this->out .= str_repeat( '{', $braces );
		$this->braceDepth++;
		$parts = [];
		foreach ( $children as $child ) {
			if ( is_string( $child ) || $child[0][0] === '@' ) {
				continue;
			}
			if ( $child[0] === 'title' ) {
				$record['title'] = $child[1];
				$this->writeChildren( $child[1] );
				continue;
			}
			$this->out .= '|';
			$parts[] = $this->writePart( $child[1] );
		}
		$this->braceDepth--;
		$this->out .= str_repeat( '}', $braces );
		$record['end'] = strlen( $this->out );
		$record['parts'] = $parts;
		$this->templates[$index] = $record;
	}

	private function writePart( array $partChildren ): array {
		$part = [ 'positional' => true, 'nameNodes' => [] ];
		foreach ( $partChildren as $child ) {
			[ $name, $children ] = $child;
			if ( $name === 'name' ) {
				$index = attribute( $children, '@index' );
				if ( $index !== null ) {
					$part['index'] = (string)$index;
				} else {
					$part['positional'] = false;
					$part['nameNodes'] = $children;
				}
				$this->writeChildren( $children );
			} elseif ( $name === 'equals' ) {
				$this->out .= '=';
			} elseif ( $name === 'value' ) {
				$part['valueStart'] = strlen( $this->out );
				$this->writeChildren( $children );
				$part['valueEnd'] = strlen( $this->out );
			}
		}
		return $part;
	}

	private function writeExt( array $children ): void {
		$bits = [];
		foreach ( $children as $child ) {
			$bits[$child[0]] = $child[1][0] ?? '';
		}
		$this->out .= '<' . $bits['name'] . $bits['attr'];
		if ( !array_key_exists( 'inner', $bits ) ) {
			$this->out .= '/>';
			return;
		}
		$this->out .= '>' . $bits['inner'] . ( $bits['close'] ?? '' );
	}
}

/** What `{{{name|default}}}` expands to on a page, which has no arguments: its first part, or null. */
function argumentDefault( array $children ): ?string {
	foreach ( $children as $child ) {
		if ( is_array( $child ) && $child[0] === 'part' ) {
			return plainText( $child[1] );
		}
	}
	return null;
}

function attribute( array $children, string $name ): ?string {
	foreach ( $children as $child ) {
		if ( is_array( $child ) && $child[0] === $name ) {
			return (string)$child[1][0];
		}
	}
	return null;
}

/**
 * The text a name or title node reads as in page view: comments and ignored parts (<includeonly>…)
 * expand to nothing (PPFrame_Hash::expand), and an argument expands to its default, as a page has no
 * arguments (Parser::argSubstitution). Returns null when the text depends on something we cannot
 * expand here: a template or parser function, an argument without default, or an extension tag.
 */
function plainText( array $children ): ?string {
	$text = '';
	foreach ( $children as $child ) {
		if ( is_string( $child ) ) {
			$text .= $child;
			continue;
		}
		switch ( $child[0] ) {
			case 'comment':
			case 'ignore':
				break;
			case 'equals':
				$text .= '=';
				break;
			case 'tplarg':
				$default = argumentDefault( $child[1] );
				if ( $default === null ) {
					return null;
				}
				$text .= $default;
				break;
			case 'template':
			case 'ext':
				return null;
			default:
				if ( $child[0][0] !== '@' ) {
					$inner = plainText( $child[1] );
					if ( $inner === null ) {
						return null;
					}
					$text .= $inner;
				}
		}
	}
	return $text;
}

/**
 * The key of the Template-namespace page a transclusion's title names, or null when it names no
 * template page. Follows Parser::braceSubstitution for a page view (subst: stays literal, safesubst:,
 * msg: and raw: are dropped, msgnw: shows source) and MediaWikiTitleCodec::splitTitleString with
 * Title::newFromText's clean-up: character references decoded, NFC, bidi marks dropped, runs of
 * spaces, underscores and Unicode blanks are one space, optional (case-insensitive) Template: prefix,
 * a leading colon means the main namespace, a #fragment is ignored, and the first letter is upper case.
 */
function templateKey( string $title ): ?string {
	$title = trim( $title );
	if ( preg_match( '/^subst:/i', $title ) || preg_match( '/^(safesubst:)?msgnw:/i', $title ) ) {
		return null;
	}
	$title = preg_replace( '/^(safesubst:)?(msg:)?(raw:)?/i', '', $title );
	$title = html_entity_decode( $title, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
	$title = Normalizer::normalize( $title, Normalizer::FORM_C ) ?: $title;
	$key = preg_replace( '/[\x{200E}\x{200F}\x{202A}-\x{202E}]+/u', '', $title );
	$key = trim( preg_replace( '/[ _\xA0\x{1680}\x{180E}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]+/u',
		'_', $key ), '_' );
	$inTemplateNamespace = true;
	if ( str_starts_with( $key, ':' ) ) {
		$inTemplateNamespace = false;
		$key = trim( substr( $key, 1 ), '_' );
	}
	if ( preg_match( '/^(.+?)_*:_*(.*)$/', $key, $m ) && strtolower( $m[1] ) === 'template' ) {
		$inTemplateNamespace = true;
		$key = $m[2];
	}
	$fragment = strpos( $key, '#' );
	if ( $fragment !== false ) {
		$key = rtrim( substr( $key, 0, $fragment ), '_' );
	}
	if ( !$inTemplateNamespace || $key === '' ) {
		return null;
	}
	return mb_strtoupper( mb_substr( $key, 0, 1 ) ) . mb_substr( $key, 1 );
}

/** Converts byte offsets into UTF-16 code-unit offsets (JavaScript string indices), in one pass. */
function utf16Offsets( string $text, array $byteOffsets ): array {
	$sorted = array_values( array_unique( $byteOffsets ) );
	sort( $sorted );
	$map = [];
	$lastByte = 0;
	$lastUnit = 0;
	foreach ( $sorted as $byte ) {
		$lastUnit += intdiv( strlen( mb_convert_encoding( substr( $text, $lastByte, $byte - $lastByte ),
			'UTF-16LE', 'UTF-8' ) ), 2 );
		$lastByte = $byte;
		$map[$byte] = $lastUnit;
	}
	return $map;
}

/** A heading's text as the table of contents reads it: the level's `=` signs off, trimmed, comments out. */
function headingText( array $children ): string {
	$writer = new SourceWriter( true );
	$writer->writeChildren( $children );
	$level = (int)attribute( $children, '@level' );
	$text = trim( $writer->out, " \t\n" );
	return trim( substr( $text, $level, strlen( $text ) - 2 * $level ) );
}

function readTransclusions( Preprocessor_Hash $preprocessor, string $text, array $wanted ): array {
	$root = $preprocessor->preprocessToObj( $text, 0 );
	$writer = new SourceWriter();
	$writer->writeChildren( $root->getRawChildren(), true );
	if ( $writer->out !== $text ) {
		fail( 'internal error: the node tree does not serialise back to the input' );
	}

	$found = [];
	foreach ( $writer->templates as $record ) {
		if ( $record['kind'] !== 'template' ) {
			continue;
		}
		$title = plainText( $record['title'] );
		if ( $title === null || !in_array( templateKey( $title ), $wanted, true ) ) {
			continue;
		}
		// As written (an argument stays as its source), but without what a page view hides.
		$found[] = [ $record, trim( visibleSource( $record['title'] ) ) ];
	}

	$offsets = [];
	foreach ( $found as [ $record ] ) {
		array_push( $offsets, $record['start'], $record['end'] );
		foreach ( $record['parts'] as $part ) {
			array_push( $offsets, $part['valueStart'], $part['valueEnd'] );
		}
	}
	$units = utf16Offsets( $text, $offsets );

	$result = [];
	foreach ( $found as [ $record, $title ] ) {
		$params = [];
		foreach ( $record['parts'] as $part ) {
			$name = $part['positional'] ? $part['index'] : plainText( $part['nameNodes'] );
			$params[] = [
				// A name built by a template or tag cannot be read without expanding it: give its source.
				'name' => $name === null ? trim( visibleSource( $part['nameNodes'] ) ) : trim( $name ),
				'value' => substr( $text, $part['valueStart'], $part['valueEnd'] - $part['valueStart'] ),
				'positional' => $part['positional'],
				'valueStart' => $units[$part['valueStart']],
				'valueEnd' => $units[$part['valueEnd']],
			];
		}
		$result[] = [
			'template' => $title,
			'nested' => $record['nested'],
			'start' => $units[$record['start']],
			'end' => $units[$record['end']],
			'section' => sectionPath( $writer->headings, $record['start'] ),
			'params' => $params,
		];
	}
	return $result;
}

/** Source text of nodes, less what a page view hides (comments, <includeonly> parts). */
function visibleSource( array $children ): string {
	$writer = new SourceWriter( true );
	$writer->writeChildren( $children );
	return $writer->out;
}

/** Texts of the page's headings that end before $start, from the outermost to the innermost. */
function sectionPath( array $headings, int $start ): array {
	$path = [];
	foreach ( $headings as $heading ) {
		if ( $heading['end'] > $start ) {
			break;
		}
		$level = $heading['level'];
		$path = array_filter( $path, static fn ( $entry ) => $entry[0] < $level );
		$path[] = [ $level, $heading['text'] ];
	}
	return array_values( array_map( static fn ( $entry ) => $entry[1], $path ) );
}

$options = parseArguments( $argv );
$preprocessor = loadPreprocessor( $options['mw'], $options['tags'], $options['langConversion'] );
$wanted = array_map( 'templateKey', $options['names'] );
$results = [];
foreach ( $options['files'] as $file ) {
	$text = file_get_contents( $file );
	if ( $text === false ) {
		fail( "cannot read $file" );
	}
	$results[$file] = readTransclusions( $preprocessor, $text, $wanted );
}
$json = count( $results ) === 1 ? reset( $results ) : $results;
echo json_encode( $json, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT
	| JSON_THROW_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE ), "\n";
