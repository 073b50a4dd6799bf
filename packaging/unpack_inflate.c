/* PyInstaller's bootloader function that inflates one archive entry
 * (bootloader/src/pyi_archive.c), as packaging/unpack_bootloader.py puts it in place of the
 * stock one: the whole entry read, inflated by libdeflate and written, one call each, where
 * the stock one runs zlib's inflate() and fwrite() 8 KB at a time (2.7x slower here). */
static int
_pyi_archive_extract_compressed(FILE *archive_fp, const struct TOC_ENTRY *toc_entry, FILE *out_fp, unsigned char *out_ptr)
{
    unsigned char *compressed = malloc(toc_entry->length ? toc_entry->length : 1);
    unsigned char *inflated =
        out_ptr ? out_ptr : malloc(toc_entry->uncompressed_length ? toc_entry->uncompressed_length : 1);
    struct libdeflate_decompressor *decompressor = libdeflate_alloc_decompressor();
    size_t inflated_length = 0;
    int rc = -1;

    if (compressed == NULL || inflated == NULL || decompressor == NULL) {
        PYI_ERROR("Failed to extract %s: out of memory!\n", toc_entry->name);
    } else if (fread(compressed, 1, toc_entry->length, archive_fp) != toc_entry->length || ferror(archive_fp)) {
        PYI_ERROR("Failed to extract %s: failed to read data!\n", toc_entry->name);
    } else if (libdeflate_zlib_decompress(decompressor, compressed, toc_entry->length, inflated, toc_entry->uncompressed_length, &inflated_length) != LIBDEFLATE_SUCCESS
               || inflated_length != toc_entry->uncompressed_length) {
        PYI_ERROR("Failed to extract %s: decompression failed!\n", toc_entry->name);
    } else if (out_fp && (fwrite(inflated, 1, inflated_length, out_fp) != inflated_length || ferror(out_fp))) {
        PYI_ERROR("Failed to extract %s: failed to write data!\n", toc_entry->name);
    } else {
        rc = 0;
    }
    if (decompressor != NULL) {
        libdeflate_free_decompressor(decompressor);
    }
    free(compressed);
    if (inflated != out_ptr) {
        free(inflated);
    }
    return rc;
}
