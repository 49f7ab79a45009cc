"""The preset dictionary of stored dossier records, version 1 (see ``officer_desk.models.packed_json``).

FROZEN: every record packed with version 1 needs these exact bytes to be read back (a test pins their
SHA-256). A better dictionary is a new version with its own marker byte, never an edit of this one.

It is 25 demo dossiers (made-up people from ``officer_desk.demo_data``), one per procedure of the demo
catalogue, in the interchange format as the portal sends it: deflate finds the keys, procedure codes,
place names and document types of a new record in it. The procedures received most come last, nearest
to the record in deflate's 32 KB window.
"""

from __future__ import annotations

SAMPLES: tuple[str, ...] = (
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.013831\", \"received_at\": \"05/"
        "12/2025 07:34\", \"channel\": \"truc_tiep\", \"applicant\": {\"full_name\": \"Nguyễn Quang Giang\", \""
        "date_of_birth\": \"25/09/1957\", \"gender\": \"Nam\", \"id_type\": \"CCCD\", \"id_number\": \"0170572023"
        "81\", \"birth_registration_place\": \"Phú Thọ\", \"phone\": \"0909 609 722\", \"email\": \"\", \"address"
        "\": \"phường Hòa Bình, tỉnh Phú Thọ\"}, \"co_applicant\": null, \"form\": {\"thua_dat\": {\"so_thua\""
        ": \"phường Lê Chân, tỉnh Hải Phòng\", \"to_ban_do\": \"phường Lê Chân, tỉnh Hải Phòng\", \"dia_ch"
        "i\": \"phường Lê Chân, tỉnh Hải Phòng\"}, \"so_phat_hanh_gcn\": \"phường Hòa Bình, tỉnh Phú Thọ\""
        ", \"loai_bien_dong\": \"chuyen_doi\", \"noi_dung_bien_dong\": \"Đi làm\"}, \"attachments\": [{\"doc_t"
        "ype\": \"don_dang_ky_bien_dong\", \"kind\": \"original\"}, {\"doc_type\": \"hop_dong_cong_chung\", \"k"
        "ind\": \"original\"}, {\"doc_type\": \"gcn_da_cap\", \"kind\": \"original\"}], \"dossier_code\": \"000.0"
        "0.35.H41-251205-0008\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"2.000488\", \"received_at\": \"05/"
        "12/2025 15:41\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Nguyễn Thị Linh\", \"da"
        "te_of_birth\": \"03/02/2007\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"038307442224\""
        ", \"birth_registration_place\": \"Thanh Hóa\", \"phone\": \"0383818286\", \"email\": \"\", \"address\": "
        "\"phường Hạc Thành, tỉnh Thanh Hóa\"}, \"co_applicant\": null, \"form\": {\"loai_phieu\": \"1\", \"mu"
        "c_dich_su_dung\": \"Bổ sung hồ sơ công việc\", \"so_luong_phieu\": 5, \"noi_sinh\": \"phường Hạc T"
        "hành, tỉnh Thanh Hóa\", \"quoc_tich\": \"phường Hạc Thành, tỉnh Thanh Hóa\", \"noi_cu_tru\": \"phư"
        "ờng Hạc Thành, tỉnh Thanh Hóa\", \"qua_trinh_cu_tru\": \"phường Hạc Thành, tỉnh Thanh Hóa\"}, \""
        "attachments\": [{\"doc_type\": \"to_khai_lltp\", \"kind\": \"original\"}], \"dossier_code\": \"000.00."
        "33.H41-251205-0015\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.001731\", \"received_at\": \"05/"
        "12/2025 13:43\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Đặng Thị Ngọc\", \"date"
        "_of_birth\": \"12/01/1951\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"048151257844\", "
        "\"birth_registration_place\": \"Đà Nẵng\", \"phone\": \"0783 487 513\", \"email\": \"\", \"address\": \"p"
        "hường Hải Châu, tỉnh Đà Nẵng\"}, \"co_applicant\": null, \"form\": {\"nguoi_chet\": {\"ho_ten\": \"P"
        "hạm Quang Bình\", \"ngay_sinh\": \"01/04/1937\", \"so_dinh_danh\": \"036073968036\", \"ngay_chet\": \""
        "26/11/2025\", \"nguyen_nhan_chet\": \"phường Nam Định, tỉnh Ninh Bình\", \"doi_tuong_huong\": \"ph"
        "ường Nam Định, tỉnh Ninh Bình\"}, \"quan_he_voi_nguoi_chet\": \"Con\"}, \"attachments\": [{\"doc_t"
        "ype\": \"to_khai_mai_tang\", \"kind\": \"original\"}, {\"doc_type\": \"trich_luc_khai_tu\", \"kind\": \""
        "copy\"}], \"dossier_code\": \"000.00.18.H41-251205-0001\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.004194\", \"received_at\": \"05/"
        "12/2025 14:44\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Nguyễn Đình Nam\", \"da"
        "te_of_birth\": \"21/02/1984\", \"gender\": \"Nam\", \"id_type\": \"CCCD\", \"id_number\": \"040084870201"
        "\", \"birth_registration_place\": \"Nghệ An\", \"phone\": \"0791788369\", \"email\": \"\", \"address\": \""
        "phường Trường Vinh, tỉnh Nghệ An\"}, \"co_applicant\": null, \"form\": {\"noi_tam_tru\": \"phường "
        "Trường Vinh, tỉnh Nghệ An\", \"thoi_han_tam_tru_den\": \"30/09/2027\", \"noi_thuong_tru\": \"phườn"
        "g Trường Vinh, tỉnh Nghệ An\", \"chu_ho\": {\"ho_ten\": \"Hồ Thị Quyên\"}, \"quan_he_voi_chu_ho\": "
        "\"Bà\"}, \"attachments\": [{\"doc_type\": \"to_khai_ct01\", \"kind\": \"original\"}], \"dossier_code\": "
        "\"000.00.38.H41-251205-0003\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.010038\", \"received_at\": \"05/"
        "12/2025 13:37\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Đinh Minh Đào\", \"date"
        "_of_birth\": \"15/12/1986\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"040186029510\", "
        "\"birth_registration_place\": \"Nghệ An\", \"phone\": \"0811037682\", \"email\": \"\", \"address\": \"phư"
        "ờng Trường Vinh, tỉnh Nghệ An\"}, \"co_applicant\": null, \"form\": {\"noi_cu_tru\": \"phường Trườ"
        "ng Vinh, tỉnh Nghệ An\", \"chu_ho\": {\"ho_ten\": \"Nguyễn Ngọc Cường\"}, \"chu_ho_moi\": {\"ho_ten\""
        ": \"Phạm Thanh Lan\"}, \"thanh_vien_tach_ho\": \"phường Trường Vinh, tỉnh Nghệ An\"}, \"attachmen"
        "ts\": [{\"doc_type\": \"to_khai_ct01\", \"kind\": \"original\"}], \"dossier_code\": \"000.00.29.H41-25"
        "1205-0003\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.004873\", \"received_at\": \"05/"
        "12/2025 15:57\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Đặng Quang Tuấn\", \"da"
        "te_of_birth\": \"17/04/1972\", \"gender\": \"Nam\", \"id_type\": \"CCCD\", \"id_number\": \"048072565927"
        "\", \"birth_registration_place\": \"Đà Nẵng\", \"phone\": \"0864284653\", \"email\": \"\", \"address\": \""
        "phường Hải Châu, tỉnh Đà Nẵng\"}, \"co_applicant\": null, \"form\": {\"quan_he_voi_nguoi_duoc_ca"
        "p\": \"Bà\", \"tinh_trang_hon_nhan\": \"phường Hải Châu, tỉnh Đà Nẵng\", \"muc_dich_su_dung\": \"Học"
        " tập\", \"so_ban\": 3}, \"attachments\": [{\"doc_type\": \"to_khai_xntthn\", \"kind\": \"original\"}], "
        "\"dossier_code\": \"000.00.20.H41-251205-0002\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.001776\", \"received_at\": \"05/"
        "12/2025 09:06\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Trịnh Thị Lan\", \"date"
        "_of_birth\": \"03/12/1960\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"026160809268\", "
        "\"birth_registration_place\": \"Phú Thọ\", \"phone\": \"0793501495\", \"email\": \"\", \"address\": \"phư"
        "ờng Vĩnh Yên, tỉnh Phú Thọ\"}, \"co_applicant\": null, \"form\": {\"de_nghi\": \"thuc_hien\", \"doi_"
        "tuong\": \"tre_em\", \"nguoi_huong\": {\"ho_ten\": \"Đặng Ngọc Vinh\", \"ngay_sinh\": \"03/03/2007\", \""
        "noi_cu_tru\": \"phường Sài Gòn, tỉnh Hồ Chí Minh\"}, \"quan_he_voi_nguoi_huong\": \"Con\", \"muc_d"
        "o_khuyet_tat\": \"dac_biet_nang\"}, \"attachments\": [{\"doc_type\": \"to_khai_tro_cap\", \"kind\": \""
        "original\"}], \"dossier_code\": \"000.00.31.H41-251205-0007\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.001193\", \"received_at\": \"05/"
        "12/2025 15:53\", \"channel\": \"truc_tiep\", \"applicant\": {\"full_name\": \"Phan Quang Trung\", \"da"
        "te_of_birth\": \"01/09/1980\", \"gender\": \"Nam\", \"id_type\": \"CCCD\", \"id_number\": \"036080609418"
        "\", \"birth_registration_place\": \"Ninh Bình\", \"phone\": \"0815 253 719\", \"email\": \"\", \"address"
        "\": \"phường Nam Định, tỉnh Ninh Bình\"}, \"co_applicant\": null, \"form\": {\"tre\": {\"ho_ten\": \"N"
        "guyễn Hồng Vân\", \"ngay_sinh\": \"25/10/2025\", \"gioi_tinh\": \"Nữ\", \"noi_sinh\": \"phường Vĩnh Yê"
        "n, tỉnh Phú Thọ\", \"dan_toc\": \"phường Vĩnh Yên, tỉnh Phú Thọ\", \"que_quan\": \"phường Vĩnh Yên"
        ", tỉnh Phú Thọ\"}, \"me\": {\"ho_ten\": \"Phạm Xuân Tuấn\", \"ngay_sinh\": \"11/05/1966\", \"dan_toc\":"
        " \"phường Lê Chân, tỉnh Hải Phòng\", \"noi_cu_tru\": \"phường Lê Chân, tỉnh Hải Phòng\"}, \"cha\":"
        " {\"ho_ten\": \"Nguyễn Đình Lộc\", \"dan_toc\": \"phường Lê Chân, tỉnh Hải Phòng\", \"quoc_tich\": \""
        "phường Lê Chân, tỉnh Hải Phòng\", \"so_dinh_danh\": \"031202440139\"}, \"so_ban_sao\": 3}, \"attac"
        "hments\": [{\"doc_type\": \"to_khai_khai_sinh\", \"kind\": \"original\"}, {\"doc_type\": \"giay_chung_"
        "sinh\", \"kind\": \"original\"}, {\"doc_type\": \"the_can_cuoc\", \"kind\": \"original\", \"presented_on"
        "ly\": true, \"fields\": {\"so\": \"036080609418\", \"ho_chu_dem_ten\": \"PHAN QUANG TRUNG\", \"ngay_si"
        "nh\": \"01/09/1980\", \"gioi_tinh\": \"Nam\", \"co_gia_tri_den\": \"01/09/2040\"}}], \"dossier_code\": "
        "\"000.00.06.H41-251205-0001\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.003677\", \"received_at\": \"05/"
        "12/2025 14:31\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Phạm Văn Nam\", \"date_"
        "of_birth\": \"12/01/1990\", \"gender\": \"Nam\", \"id_type\": \"CCCD\", \"id_number\": \"019090593182\", "
        "\"birth_registration_place\": \"Thái Nguyên\", \"phone\": \"0914370036\", \"email\": \"\", \"address\": "
        "\"phường Phan Đình Phùng, tỉnh Thái Nguyên\"}, \"co_applicant\": null, \"form\": {\"noi_cu_tru\": "
        "\"phường Phan Đình Phùng, tỉnh Thái Nguyên\", \"ngay_bat_dau_tam_vang\": \"10/11/2025\", \"ngay_k"
        "et_thuc_tam_vang\": \"30/04/2026\", \"noi_den\": \"phường Phan Đình Phùng, tỉnh Thái Nguyên\", \"l"
        "y_do\": \"Theo nhu cầu của công dân\"}, \"attachments\": [{\"doc_type\": \"de_nghi_tam_vang\", \"kin"
        "d\": \"original\"}], \"dossier_code\": \"000.00.14.H41-251205-0004\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.000894\", \"received_at\": \"05/"
        "12/2025 07:59\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Nguyễn Thị Hoa\", \"dat"
        "e_of_birth\": \"12/05/1988\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"026188528174\","
        " \"birth_registration_place\": \"Phú Thọ\", \"phone\": \"0989440763\", \"email\": \"\", \"address\": \"ph"
        "ường Vĩnh Yên, tỉnh Phú Thọ\"}, \"co_applicant\": null, \"form\": {\"ben_nu\": {\"ngay_sinh\": \"11/"
        "02/1969\", \"quoc_tich\": \"phường Hải Châu, tỉnh Đà Nẵng\"}, \"ben_nam\": {\"ho_ten\": \"Trịnh Hồng"
        " Ngọc\", \"ngay_sinh\": \"12/01/1976\", \"quoc_tich\": \"phường Lê Chân, tỉnh Hải Phòng\", \"noi_cu_"
        "tru\": \"phường Lê Chân, tỉnh Hải Phòng\"}}, \"attachments\": [{\"doc_type\": \"to_khai_ket_hon\", "
        "\"kind\": \"original\"}], \"dossier_code\": \"000.00.13.H41-251205-0005\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"2.000884\", \"received_at\": \"05/"
        "12/2025 10:31\", \"channel\": \"truc_tiep\", \"applicant\": {\"full_name\": \"Đỗ Anh Nam\", \"date_of_"
        "birth\": \"14/11/1974\", \"gender\": \"Nam\", \"id_type\": \"CCCD\", \"id_number\": \"001074465315\", \"bi"
        "rth_registration_place\": \"Hà Nội\", \"phone\": \"0769 432 832\", \"email\": \"\", \"address\": \"phườn"
        "g Hoàn Kiếm, tỉnh Hà Nội\"}, \"co_applicant\": null, \"form\": {\"ten_giay_to\": \"phường Hoàn Kiế"
        "m, tỉnh Hà Nội\", \"hinh_thuc\": \"ky\"}, \"attachments\": [{\"doc_type\": \"the_can_cuoc\", \"kind\": "
        "\"original\", \"presented_only\": true, \"fields\": {\"so\": \"001074465315\", \"ho_chu_dem_ten\": \"ĐỖ"
        " ANH NAM\", \"ngay_sinh\": \"14/11/1974\", \"gioi_tinh\": \"Nam\", \"co_gia_tri_den\": \"14/11/2034\"}}"
        ", {\"doc_type\": \"van_ban_can_chung_thuc_chu_ky\", \"kind\": \"original\"}], \"dossier_code\": \"000"
        ".00.20.H41-251205-0004\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.013225\", \"received_at\": \"05/"
        "12/2025 15:56\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Đoàn Thị Hằng\", \"date"
        "_of_birth\": \"14/04/1971\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"001171637385\", "
        "\"birth_registration_place\": \"Hà Nội\", \"phone\": \"0334039254\", \"email\": \"\", \"address\": \"phườ"
        "ng Hoàn Kiếm, tỉnh Hà Nội\"}, \"co_applicant\": null, \"form\": {\"dia_diem_xay_dung\": \"phường H"
        "oàn Kiếm, tỉnh Hà Nội\", \"thua_dat\": {\"so_thua\": \"phường Việt Trì, tỉnh Phú Thọ\"}, \"dien_ti"
        "ch_xay_dung\": 2, \"tong_dien_tich_san\": 2, \"chieu_cao_cong_trinh\": 1, \"so_tang\": 3}, \"attac"
        "hments\": [{\"doc_type\": \"don_de_nghi_gpxd\", \"kind\": \"original\"}, {\"doc_type\": \"giay_to_qsdd"
        "\", \"kind\": \"copy\"}, {\"doc_type\": \"ban_ve_thiet_ke\", \"kind\": \"original\", \"quantity\": 2}], \""
        "dossier_code\": \"000.00.28.H41-251205-0001\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.001022\", \"received_at\": \"05/"
        "12/2025 09:32\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Nguyễn Văn Bình\", \"da"
        "te_of_birth\": \"09/03/1955\", \"gender\": \"Nam\", \"id_type\": \"CCCD\", \"id_number\": \"019055497949"
        "\", \"birth_registration_place\": \"Thái Nguyên\", \"phone\": \"0373659165\", \"email\": \"\", \"address"
        "\": \"phường Phan Đình Phùng, tỉnh Thái Nguyên\"}, \"co_applicant\": null, \"form\": {\"quan_he_nh"
        "an\": \"cha_nhan_con\", \"nguoi_nhan\": {\"ho_ten\": \"Hoàng Ngọc Dung\", \"ngay_sinh\": \"16/06/1996\""
        ", \"so_dinh_danh\": \"031196530676\"}, \"nguoi_duoc_nhan\": {\"ho_ten\": \"Trần Hồng Mai\", \"ngay_si"
        "nh\": \"16/03/1973\", \"quoc_tich\": \"phường Hải Châu, tỉnh Đà Nẵng\", \"so_dinh_danh\": \"04817323"
        "9949\"}}, \"attachments\": [{\"doc_type\": \"to_khai_nhan_cmc\", \"kind\": \"original\"}, {\"doc_type\""
        ": \"chung_cu_quan_he\", \"kind\": \"original\"}], \"dossier_code\": \"000.00.35.H41-251205-0003\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.004859\", \"received_at\": \"05/"
        "12/2025 15:59\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Nguyễn Khánh My\", \"da"
        "te_of_birth\": \"12/03/1996\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"038196611236\""
        ", \"birth_registration_place\": \"Thanh Hóa\", \"phone\": \"0705426658\", \"email\": \"\", \"address\": "
        "\"phường Hạc Thành, tỉnh Thanh Hóa\"}, \"co_applicant\": null, \"form\": {\"nguoi_thay_doi\": {\"ho"
        "_ten\": \"Nguyễn Xuân Tuấn\", \"ngay_sinh\": \"26/04/2001\"}, \"loai_yeu_cau\": \"thay_doi\", \"noi_du"
        "ng_de_nghi\": \"Theo nhu cầu của công dân\", \"ly_do\": \"Học tập\"}, \"attachments\": [{\"doc_type\""
        ": \"to_khai_cai_chinh\", \"kind\": \"original\"}, {\"doc_type\": \"giay_to_can_cu\", \"kind\": \"copy\"}"
        "], \"dossier_code\": \"000.00.25.H41-251205-0004\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.004884\", \"received_at\": \"05/"
        "12/2025 09:49\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Nguyễn Văn Long\", \"da"
        "te_of_birth\": \"17/12/1956\", \"gender\": \"Nam\", \"id_type\": \"CCCD\", \"id_number\": \"031056847463"
        "\", \"birth_registration_place\": \"Hải Phòng\", \"phone\": \"0379542273\", \"email\": \"\", \"address\":"
        " \"phường Lê Chân, tỉnh Hải Phòng\"}, \"co_applicant\": null, \"form\": {\"nguoi_duoc_khai_sinh\":"
        " {\"ho_ten\": \"Phạm Minh Uyên\", \"ngay_sinh\": \"10/03/1993\", \"gioi_tinh\": \"Nam\", \"noi_sinh\": \""
        "phường Trường Vinh, tỉnh Nghệ An\", \"que_quan\": \"phường Trường Vinh, tỉnh Nghệ An\"}, \"noi_d"
        "a_dang_ky_khai_sinh\": \"phường Lê Chân, tỉnh Hải Phòng\"}, \"attachments\": [{\"doc_type\": \"to_"
        "khai_dk_lai_khai_sinh\", \"kind\": \"original\"}, {\"doc_type\": \"ban_sao_giay_khai_sinh_cu\", \"ki"
        "nd\": \"certified_copy\"}], \"dossier_code\": \"000.00.33.H41-251205-0003\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"2.001035\", \"received_at\": \"05/"
        "12/2025 16:31\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Nguyễn Thanh My\", \"da"
        "te_of_birth\": \"28/10/2001\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"036301621816\""
        ", \"birth_registration_place\": \"Ninh Bình\", \"phone\": \"0895333883\", \"email\": \"\", \"address\": "
        "\"phường Nam Định, tỉnh Ninh Bình\"}, \"co_applicant\": null, \"form\": {\"tai_san\": \"phường Nam "
        "Định, tỉnh Ninh Bình\", \"so_ban\": 1}, \"attachments\": [{\"doc_type\": \"du_thao_hop_dong\", \"kin"
        "d\": \"original\"}, {\"doc_type\": \"ban_sao_gcn\", \"kind\": \"copy\"}], \"dossier_code\": \"000.00.23."
        "H41-251205-0003\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.004222\", \"received_at\": \"05/"
        "12/2025 15:39\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Nguyễn Hồng Uyên\", \"d"
        "ate_of_birth\": \"11/03/1973\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"031173344250"
        "\", \"birth_registration_place\": \"Hải Phòng\", \"phone\": \"0911 504 370\", \"email\": \"\", \"address"
        "\": \"phường Lê Chân, tỉnh Hải Phòng\"}, \"co_applicant\": null, \"form\": {\"noi_thuong_tru\": \"ph"
        "ường Lê Chân, tỉnh Hải Phòng\", \"chu_ho\": {\"so_dinh_danh\": \"025092118361\"}}, \"attachments\":"
        " [{\"doc_type\": \"to_khai_ct01\", \"kind\": \"original\"}], \"dossier_code\": \"000.00.16.H41-251205"
        "-0006\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.002755\", \"received_at\": \"05/"
        "12/2025 09:57\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Trần Thanh Mai\", \"dat"
        "e_of_birth\": \"26/05/1983\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"031183785107\","
        " \"birth_registration_place\": \"Hải Phòng\", \"phone\": \"0788725873\", \"email\": \"\", \"address\": \""
        "phường Lê Chân, tỉnh Hải Phòng\"}, \"co_applicant\": null, \"form\": {\"noi_tam_tru\": \"phường Lê"
        " Chân, tỉnh Hải Phòng\", \"gia_han_den\": \"01/02/2027\", \"chu_ho\": {\"ho_ten\": \"Trần Thu Oanh\","
        " \"so_dinh_danh\": \"031167972677\"}, \"quan_he_voi_chu_ho\": \"Con\"}, \"attachments\": [{\"doc_type"
        "\": \"to_khai_ct01\", \"kind\": \"original\"}], \"dossier_code\": \"000.00.27.H41-251205-0001\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.001612\", \"received_at\": \"05/"
        "12/2025 07:46\", \"channel\": \"truc_tiep\", \"applicant\": {\"full_name\": \"Nguyễn Đình Thuỷ\", \"da"
        "te_of_birth\": \"23/08/1994\", \"gender\": \"Nam\", \"id_type\": \"CCCD\", \"id_number\": \"040094272135"
        "\", \"birth_registration_place\": \"Nghệ An\", \"phone\": \"0349631427\", \"email\": \"\", \"address\": \""
        "phường Trường Vinh, tỉnh Nghệ An\"}, \"co_applicant\": null, \"form\": {\"ten_ho_kinh_doanh\": \"p"
        "hường Trường Vinh, tỉnh Nghệ An\", \"dia_chi_tru_so\": \"phường Trường Vinh, tỉnh Nghệ An\", \"n"
        "ganh_nghe_kinh_doanh\": \"phường Trường Vinh, tỉnh Nghệ An\", \"von_kinh_doanh\": 5, \"ma_so_thu"
        "e\": \"040094272135\"}, \"attachments\": [{\"doc_type\": \"giay_de_nghi_dk_hkd\", \"kind\": \"original"
        "\"}, {\"doc_type\": \"the_can_cuoc\", \"kind\": \"original\", \"presented_only\": true, \"fields\": {\"s"
        "o\": \"040094272135\", \"ho_chu_dem_ten\": \"NGUYỄN ĐÌNH THUỶ\", \"ngay_sinh\": \"23/08/1994\", \"gioi"
        "_tinh\": \"Nam\", \"co_gia_tri_den\": \"23/08/2034\"}}], \"dossier_code\": \"000.00.16.H41-251205-00"
        "02\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.004837\", \"received_at\": \"05/"
        "12/2025 08:14\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Trần Thành Vinh\", \"da"
        "te_of_birth\": \"08/04/2001\", \"gender\": \"Nam\", \"id_type\": \"CCCD\", \"id_number\": \"001201623189"
        "\", \"birth_registration_place\": \"Hà Nội\", \"phone\": \"0373 146 169\", \"email\": \"\", \"address\": "
        "\"phường Hoàn Kiếm, tỉnh Hà Nội\"}, \"co_applicant\": null, \"form\": {\"loai_giam_ho\": \"giam_ho_"
        "cu\", \"nguoi_giam_ho\": {\"ho_ten\": \"Phạm Khánh Oanh\", \"ngay_sinh\": \"02/04/1975\", \"noi_cu_tru"
        "\": \"phường Việt Trì, tỉnh Phú Thọ\"}, \"nguoi_duoc_giam_ho\": {\"ho_ten\": \"Đặng Khánh Linh\", \""
        "ngay_sinh\": \"16/06/1977\", \"gioi_tinh\": \"Nam\", \"noi_sinh\": \"phường Vĩnh Yên, tỉnh Phú Thọ\","
        " \"so_dinh_danh\": \"026177678352\", \"noi_cu_tru\": \"phường Vĩnh Yên, tỉnh Phú Thọ\"}, \"ly_do\": "
        "\"Đi làm\"}, \"attachments\": [{\"doc_type\": \"to_khai_giam_ho\", \"kind\": \"original\"}], \"dossier_"
        "code\": \"000.00.33.H41-251205-0002\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.000656\", \"received_at\": \"05/"
        "12/2025 16:00\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Hoàng Ngọc Nhung\", \"d"
        "ate_of_birth\": \"10/05/1976\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"040176095747"
        "\", \"birth_registration_place\": \"Nghệ An\", \"phone\": \"0970 622 015\", \"email\": \"\", \"address\":"
        " \"phường Trường Vinh, tỉnh Nghệ An\"}, \"co_applicant\": null, \"form\": {\"nguoi_chet\": {\"ho_te"
        "n\": \"Nguyễn Thị Hương\", \"ngay_sinh\": \"03/04/1964\", \"noi_cu_tru_cuoi_cung\": \"phường Hạc Thà"
        "nh, tỉnh Thanh Hóa\", \"ngay_chet\": \"27/11/2025\", \"gio_chet\": \"phường Hạc Thành, tỉnh Thanh "
        "Hóa\", \"noi_chet\": \"phường Hạc Thành, tỉnh Thanh Hóa\"}, \"giay_bao_tu\": {\"so\": \"phường Nam Đ"
        "ịnh, tỉnh Ninh Bình\"}}, \"attachments\": [{\"doc_type\": \"to_khai_khai_tu\", \"kind\": \"original\""
        "}, {\"doc_type\": \"giay_bao_tu\", \"kind\": \"original\"}], \"dossier_code\": \"000.00.20.H41-251205"
        "-0003\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"2.000815\", \"received_at\": \"05/"
        "12/2025 13:45\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Nguyễn Thị Thuý\", \"da"
        "te_of_birth\": \"07/03/1982\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"031182061143\""
        ", \"birth_registration_place\": \"Hải Phòng\", \"phone\": \"0911497642\", \"email\": \"\", \"address\": "
        "\"phường Lê Chân, tỉnh Hải Phòng\"}, \"co_applicant\": null, \"form\": {\"ten_giay_to\": \"phường L"
        "ê Chân, tỉnh Hải Phòng\"}, \"attachments\": [{\"doc_type\": \"ban_chinh\", \"kind\": \"original\", \"p"
        "resented_only\": true}, {\"doc_type\": \"ban_sao_can_chung_thuc\", \"kind\": \"copy\"}], \"dossier_c"
        "ode\": \"000.00.23.H41-251205-0002\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.001699\", \"received_at\": \"05/"
        "12/2025 09:18\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Trần Mai Yến\", \"date_"
        "of_birth\": \"25/01/2003\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"079303783231\", \""
        "birth_registration_place\": \"Hồ Chí Minh\", \"phone\": \"0963 535 919\", \"email\": \"\", \"address\":"
        " \"phường Sài Gòn, tỉnh Hồ Chí Minh\"}, \"co_applicant\": null, \"form\": {\"de_nghi\": \"xac_dinh\""
        ", \"nguoi_khuyet_tat\": {\"ho_ten\": \"Nguyễn Văn Đức\", \"ngay_sinh\": \"09/07/1962\", \"gioi_tinh\":"
        " \"Nam\", \"so_dinh_danh\": \"025062774658\", \"noi_cu_tru\": \"phường Việt Trì, tỉnh Phú Thọ\"}}, \""
        "attachments\": [{\"doc_type\": \"don_de_nghi_xdkt\", \"kind\": \"original\"}], \"dossier_code\": \"000"
        ".00.13.H41-251205-0006\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"1.013978\", \"received_at\": \"05/"
        "12/2025 15:11\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Nguyễn Quang Nam\", \"d"
        "ate_of_birth\": \"21/05/2000\", \"gender\": \"Nam\", \"id_type\": \"CCCD\", \"id_number\": \"01720029614"
        "8\", \"birth_registration_place\": \"Phú Thọ\", \"phone\": \"0884409196\", \"email\": \"\", \"address\": "
        "\"phường Hòa Bình, tỉnh Phú Thọ\"}, \"co_applicant\": null, \"form\": {\"thua_dat\": {\"so_thua\": \""
        "phường Hoàn Kiếm, tỉnh Hà Nội\", \"to_ban_do\": \"phường Hoàn Kiếm, tỉnh Hà Nội\", \"dia_chi\": \""
        "phường Hoàn Kiếm, tỉnh Hà Nội\", \"dien_tich\": 5}, \"muc_dich_su_dung_dat\": \"Học tập\", \"nguon"
        "_goc_su_dung_dat\": \"phường Hòa Bình, tỉnh Phú Thọ\"}, \"attachments\": [{\"doc_type\": \"don_dan"
        "g_ky_dat_dai\", \"kind\": \"original\"}], \"dossier_code\": \"000.00.25.H41-251205-0001\"}"
    ),
    (
        "{\"format\": \"officer-desk/application@1\", \"procedure_code\": \"2.000635\", \"received_at\": \"05/"
        "12/2025 15:30\", \"channel\": \"truc_tuyen\", \"applicant\": {\"full_name\": \"Lê Thu Trang\", \"date_"
        "of_birth\": \"18/01/2002\", \"gender\": \"Nữ\", \"id_type\": \"CCCD\", \"id_number\": \"038302297070\", \""
        "birth_registration_place\": \"Thanh Hóa\", \"phone\": \"0324461062\", \"email\": \"\", \"address\": \"ph"
        "ường Hạc Thành, tỉnh Thanh Hóa\"}, \"co_applicant\": null, \"form\": {\"nguoi_duoc_cap\": {\"ho_te"
        "n\": \"Huỳnh Đình Việt\"}, \"loai_trich_luc\": \"khai_sinh\", \"noi_dang_ky\": \"phường Hạc Thành, t"
        "ỉnh Thanh Hóa\", \"ngay_dang_ky\": \"22/11/2025\", \"so_ban_sao\": 2}, \"attachments\": [{\"doc_type"
        "\": \"to_khai_trich_luc\", \"kind\": \"original\"}], \"dossier_code\": \"000.00.14.H41-251205-0001\"}"
    ),
)

DICTIONARY_V1: bytes = "".join(SAMPLES).encode()
