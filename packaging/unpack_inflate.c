/* PyInstaller's bootloader function that inflates one archive entry
 * (bootloader/src/pyi_archive.c), as packaging/unpack_bootloader.py puts it in place of the
 * stock one: the whole entry read and inflated by libdeflate in one call each, where the stock
 * one runs zlib's inflate() and fwrite() 8 KB at a time (2.7x slower here). Written 64 KB at a
 * time: the kernel caches a file written in larger pieces in larger folios, and a library
 * mapped from those is made resident a whole folio at a fault (the running app +10 MB).
 * The parent process then waits beside the app all session: the heap it grew to inflate the
 * entries is given back when it forks the app, or it would keep 15 MB of them resident. */
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <unistd.h>

#define PYI_WRITE_STEP ((size_t)64 * 1024)

static int
_pyi_write_in_steps(FILE *out_fp, const unsigned char *data, size_t length)
{
    int fd = fileno(out_fp);

    if (fflush(out_fp) != 0) {
        return -1;
    }
    while (length > 0) {
        ssize_t written = write(fd, data, length < PYI_WRITE_STEP ? length : PYI_WRITE_STEP);
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            return -1;
        }
        data += written;
        length -= (size_t)written;
    }
    return 0;
}

static void
_pyi_heap_given_back(void)
{
    malloc_trim(0);
}

static int
_pyi_archive_extract_compressed(FILE *archive_fp, const struct TOC_ENTRY *toc_entry, FILE *out_fp, unsigned char *out_ptr)
{
    static int trim_at_fork = 0;
    unsigned char *compressed;
    unsigned char *inflated;
    struct libdeflate_decompressor *decompressor;
    size_t inflated_length = 0;
    int rc = -1;

    if (!trim_at_fork) {        /* not per entry: the next one would fault it all in again */
        pthread_atfork(NULL, _pyi_heap_given_back, NULL);
        trim_at_fork = 1;
    }
    compressed = malloc(toc_entry->length ? toc_entry->length : 1);
    inflated = out_ptr ? out_ptr : malloc(toc_entry->uncompressed_length ? toc_entry->uncompressed_length : 1);
    decompressor = libdeflate_alloc_decompressor();
    if (compressed == NULL || inflated == NULL || decompressor == NULL) {
        PYI_ERROR("Failed to extract %s: out of memory!\n", toc_entry->name);
    } else if (fread(compressed, 1, toc_entry->length, archive_fp) != toc_entry->length || ferror(archive_fp)) {
        PYI_ERROR("Failed to extract %s: failed to read data!\n", toc_entry->name);
    } else if (libdeflate_zlib_decompress(decompressor, compressed, toc_entry->length, inflated, toc_entry->uncompressed_length, &inflated_length) != LIBDEFLATE_SUCCESS
               || inflated_length != toc_entry->uncompressed_length) {
        PYI_ERROR("Failed to extract %s: decompression failed!\n", toc_entry->name);
    } else if (out_fp && _pyi_write_in_steps(out_fp, inflated, inflated_length) != 0) {
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
