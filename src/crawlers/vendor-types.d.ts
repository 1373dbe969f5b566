// html-encoding-sniffer ships no types; this is the part of its API we use.
declare module 'html-encoding-sniffer' {
  export default function sniffHTMLEncoding(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string | null; defaultEncoding?: string },
  ): string;
}
