#!/usr/bin/env bash
# Memory bounded by one item for ONE big file: generates a CSV of CSV_MB MB (default 1024: customer
# rows, an e-mail and an IBAN in every row) and a PDF of about PDF_MB MB (default 200: PDF_PAGES
# pages of text, each with an incompressible 48 KiB picture, written by PDFBox), then runs `wct run`
# (filesystem -> personal_data) over each in a JVM capped at -Xmx$HEAP (default 256m), and prints
# per file: exit status, items read, CPU and wall time, peak RSS and the largest heap after a GC.
# RUNS picks the runs (default "csv pdf"; also csv-1mi and csv-12mi: the CSV with max_item_chars at
# 1 Mi characters and at its maximum, 12 Mi, to show where the bound comes from). GC logs are kept
# in /tmp/wct-big-file-<run>-gc.log; everything generated is deleted afterwards.
#
#   bench/big-file.sh            needs client-cli/target/wct.jar and client-cli/target/lib
#                                (./mvnw -B -o -q -pl client-cli -am package -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
csv_mb="${CSV_MB:-1024}"
pdf_mb="${PDF_MB:-200}"
heap="${HEAP:-256m}"
jar="${WCT_JAR:-$root/client-cli/target/wct.jar}"
lib="$(dirname "$jar")/lib"
[ -f "$jar" ] && [ -d "$lib" ] || { echo "big-file: $jar or $lib not found; package client-cli first" >&2; exit 2; }
work="$(mktemp -d /tmp/wct-big-file.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/csv" "$work/pdf"

runs="${RUNS:-csv pdf}"
[[ "$runs" == *csv* ]] && python3 - "$work/csv/customers.csv" "$csv_mb" <<'PY'
import sys
path, mb = sys.argv[1], float(sys.argv[2])
target = int(mb * 1000 * 1000)
rows = []
with open(path, "w", encoding="utf-8", newline="") as out:
    out.write("customer_id,first_name,last_name,email,iban,city,note\n")
    written, n = 0, 0
    while written < target:
        block = []
        for _ in range(10000):
            n += 1
            block.append(f"{1000000 + n},Name{n % 5000},Surname{n % 7919},customer{n}@example.com,"
                         f"DE89370400440532013000,City{n % 300},\"order of {n % 97} items, paid\"\n")
        text = "".join(block)
        out.write(text)
        written += len(text)
PY

pages=$(( pdf_mb * 1000 * 1000 / 50000 ))
pages="${PDF_PAGES:-$pages}"
cat >"$work/MakePdf.java" <<'JAVA'
import java.io.File;
import java.util.Random;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import java.awt.image.BufferedImage;

public class MakePdf {
  public static void main(String[] args) throws Exception {
    int pages = Integer.parseInt(args[1]);
    Random random = new Random(42);
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
      for (int p = 1; p <= pages; p++) {
        PDPage page = new PDPage();
        document.addPage(page);
        BufferedImage picture = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 128; y++) {
          for (int x = 0; x < 128; x++) {
            picture.setRGB(x, y, random.nextInt(0x1000000));
          }
        }
        try (PDPageContentStream text = new PDPageContentStream(document, page)) {
          text.drawImage(LosslessFactory.createFromImage(document, picture), 400, 600, 128, 128);
          text.beginText();
          text.setFont(font, 10);
          text.newLineAtOffset(50, 750);
          text.setLeading(12);
          for (int line = 0; line < 40; line++) {
            if (line == 5) {
              text.showText("Contact: customer" + p + "@example.com, IBAN DE89 3704 0044 0532 0130 00");
            } else {
              text.showText("Page " + p + " line " + line + ": the terms of the agreement apply to this order.");
            }
            text.newLine();
          }
          text.endText();
        }
      }
      document.save(new File(args[0]));
    }
  }
}
JAVA
[[ "$runs" != *pdf* ]] || java -Xmx1g -cp "$lib/*" "$work/MakePdf.java" "$work/pdf/contract.pdf" "$pages" >"$work/make-pdf.log" 2>&1 \
  || { tail -20 "$work/make-pdf.log" >&2; exit 2; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ), load average: $(cut -d' ' -f1-3 /proc/loadavg), heap -Xmx$heap"

scan() { # name folder extra-properties
  local name="$1" folder="$2" extra="$3" status=0
  cat >"$work/$name.yaml" <<YAML
name: "Big file $name"
description: "One file far larger than the heap"
config:
  timeout: 14400
artifacts:
  files:
    source:
      type: filesystem
      properties: {path: "$folder"$extra}
    timeout: 4h
  personal_data:
    inputs: files
    process:
      type: personal_data
    timeout: 4h
    output: true
YAML
  (cd "$work" && /usr/bin/time -v -o "$work/$name.time" java "-Xmx$heap" -XX:+ExitOnOutOfMemoryError \
      -Xlog:gc:file="$work/$name.gc" -jar "$jar" run "$name.yaml" --quiet --store "$work/$name.wct" \
      >"$work/$name.out" 2>&1) || status=$?
  echo "== $name: $(du -b "$folder"/* | cut -f1) bytes; exit status $status"
  head -5 "$work/$name.out" | sed 's/^/   /'
  grep -E "User time|System time|Elapsed|Maximum resident" "$work/$name.time" | sed 's/^\s*/   /'
  echo "   largest heap after a GC (MiB): $(grep -o -- '->[0-9]*M' "$work/$name.gc" | tr -dc '0-9\n' | sort -n | tail -1)"
  cp "$work/$name.gc" "/tmp/wct-big-file-$name-gc.log" 2>/dev/null || true
  rm -rf "$work/$name.wct"
}

for run in $runs; do
  case "$run" in
    csv) scan csv "$work/csv" "" ;;
    pdf) scan pdf "$work/pdf" ", max_document_chars: 1000000000" ;;
    csv-1mi) scan csv-1mi-items "$work/csv" ", max_item_chars: 1048576" ;;
    csv-12mi) scan csv-12mi-items "$work/csv" ", max_item_chars: 12582912" ;;
  esac
done
